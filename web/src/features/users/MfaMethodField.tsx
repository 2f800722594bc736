import { Form, type FormRule, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import { mfaMethods } from '../../../../common/mfa.js';
import { noMfaMethod } from './userChanges.js';

/** `002` 第2段階認証方式: the method the admin requires of the user, or 「指定なし」. */
export function MfaMethodField({ rule }: { rule: (name: string) => FormRule }) {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="mfaMethod"
      label={t('users.mfaMethod')}
      rules={[rule('mfaMethod')]}
      extra={t('users.mfaMethodHelp')}
    >
      <Select
        style={{ maxWidth: 320 }}
        options={[
          { value: noMfaMethod, label: t('users.mfaMethodNone') },
          ...mfaMethods.map((m) => ({ value: m, label: t(`mfaMethod.${m}`) })),
        ]}
      />
    </Form.Item>
  );
}
