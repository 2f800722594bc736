import { Col, Form, type FormRule, Input, Radio, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { limits } from '../../../../common/limits.js';
import type { OrganizationKind } from '../../../../common/roles.js';
import { LocaleSelect } from '../../components/select/LocaleSelect.js';
import { TimeZoneSelect } from '../../components/select/TimeZoneSelect.js';
import { GroupSelect } from './GroupSelect.js';
import { MfaMethodField } from './MfaMethodField.js';
import { rolesFor } from './roles.js';

type Props = {
  rule: (name: string) => FormRule;
  organizationKind: OrganizationKind;
  /** The e-mail is entered when adding and fixed afterwards. */
  withEmail: boolean;
  /** The account's own fields (name, phones, language, time zone, second factor): off where they are not this organisation's. */
  withAccount?: boolean;
  /** The admin's own role cannot be changed. */
  roleFixed?: boolean;
};

/** The `002` user fields: 氏名, メールアドレス*, 役職, 電話番号*, 携帯電話番号, メール言語*, タイムゾーン*, ユーザー権限*, ユーザーグループ, 第2段階認証方式, コメント. */
export function UserFormFields({
  rule,
  organizationKind,
  withEmail,
  withAccount = true,
  roleFixed = false,
}: Props) {
  const { t } = useTranslation();
  const text = (name: string, max: number, required = false, extra?: string) => (
    <Form.Item
      name={name}
      label={t(`users.${name}`)}
      rules={[rule(name)]}
      validateTrigger="onBlur"
      required={required}
      extra={extra}
    >
      <Input count={{ show: true, max }} autoComplete="off" />
    </Form.Item>
  );
  const groups = (
    <Form.Item name="groupIds" label={t('users.groups')} rules={[rule('groupIds')]}>
      <GroupSelect />
    </Form.Item>
  );
  const membership = (
    <>
      <Form.Item name="role" label={t('users.role')} rules={[rule('role')]} required>
        <Radio.Group
          disabled={roleFixed}
          options={rolesFor(organizationKind).map((role) => ({ value: role, label: t(`role.${role}`) }))}
        />
      </Form.Item>
      {withAccount && <MfaMethodField rule={rule} />}
      <Form.Item name="comment" label={t('users.comment')} rules={[rule('comment')]} validateTrigger="onBlur">
        <Input.TextArea rows={3} count={{ show: true, max: limits.comment }} />
      </Form.Item>
    </>
  );
  if (!withAccount)
    return (
      <>
        {groups}
        {membership}
      </>
    );
  return (
    <>
      <Row gutter={16}>
        <Col xs={24} md={12}>
          {text('name', limits.personName)}
        </Col>
        <Col xs={24} md={12}>
          {withEmail && text('email', limits.email, true)}
        </Col>
        <Col xs={24} md={12}>
          {text('title', limits.title)}
        </Col>
        <Col xs={24} md={12}>
          {text('phone', limits.phone, true, t('users.phoneHelp'))}
        </Col>
        <Col xs={24} md={12}>
          {text('mobile', limits.phone)}
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="locale" label={t('users.locale')} rules={[rule('locale')]} required>
            <LocaleSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          <Form.Item name="timeZone" label={t('users.timeZone')} rules={[rule('timeZone')]} required>
            <TimeZoneSelect />
          </Form.Item>
        </Col>
        <Col xs={24} md={12}>
          {groups}
        </Col>
      </Row>
      {membership}
    </>
  );
}
