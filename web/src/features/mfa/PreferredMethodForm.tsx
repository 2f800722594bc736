import { Button, Flex, Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MfaMethod, MyMfaView } from '../../../../common/mfa.js';
import { useSavePreferredMethod } from '../../api/mfa.js';
import { usableMethods } from './usableMethods.js';
import { useFactorAction } from './useFactorAction.js';

/** 優先する認証方式: among the enrolled methods the organisation allows. */
export function PreferredMethodForm({ mfa }: { mfa: MyMfaView }) {
  const { t } = useTranslation();
  const save = useSavePreferredMethod();
  const { confirmed } = useFactorAction();
  const options = usableMethods(mfa);
  // without a preference yet the first usable method is offered (no placeholder to read)
  const [value, setValue] = useState<MfaMethod | undefined>(mfa.preferred ?? options[0]);
  if (options.length === 0) return null;

  return (
    <Flex gap={8} align="center" wrap>
      <Select<MfaMethod>
        aria-label={t('mfa.preferred')}
        value={value}
        onChange={setValue}
        style={{ minWidth: 220 }}
        options={options.map((m) => ({ value: m, label: t(`mfaMethod.${m}`) }))}
      />
      <Button
        size="small"
        disabled={!value || value === mfa.preferred}
        loading={save.isPending}
        onClick={() =>
          value &&
          confirmed(t('mfa.preferredConfirm'), () => save.mutateAsync(value), t('mfa.preferredSaved'))
        }
      >
        {t('mfa.preferredSave')}
      </Button>
    </Flex>
  );
}
