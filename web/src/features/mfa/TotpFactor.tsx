import { Button, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MyMfaView, TotpSetup } from '../../../../common/mfa.js';
import { useRemoveTotp, useTotpSetup } from '../../api/mfa.js';
import { useDateTime } from '../../components/useDateTime.js';
import { TotpSetupModal } from './TotpSetupModal.js';
import { useFactorAction } from './useFactorAction.js';

/** 認証アプリ (TOTP): set up (pairing dialog) or remove. */
export function TotpFactor({ totp }: { totp: MyMfaView['methods']['totp'] }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  const setup = useTotpSetup();
  const remove = useRemoveTotp();
  const { run, confirmed } = useFactorAction();
  const [pairing, setPairing] = useState<TotpSetup | null>(null);

  const start = () =>
    void run(() => setup.mutateAsync()).then((data) => {
      if (data) setPairing(data);
    });

  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>
        {totp.enrolled
          ? t('mfa.enrolledAt', { date: formatDateTime(totp.enrolledAt) })
          : t('mfa.notEnrolled')}
      </Typography.Text>
      {totp.enrolled ? (
        <Button
          danger
          size="small"
          onClick={() =>
            confirmed(t('mfa.totp.removeConfirm'), () => remove.mutateAsync(), t('mfa.totp.removed'))
          }
        >
          {t('common.delete')}
        </Button>
      ) : (
        <Button size="small" type="primary" onClick={start} loading={setup.isPending}>
          {t('mfa.setUp')}
        </Button>
      )}
      <TotpSetupModal setup={pairing} onClose={() => setPairing(null)} />
    </Flex>
  );
}
