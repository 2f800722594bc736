import { App, Button, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegenerateRecoveryCodes } from '../../api/mfa.js';
import { RecoveryCodes } from '../../components/secret/RecoveryCodes.js';
import { useFactorAction } from './useFactorAction.js';

/** How many recovery codes are left; 「再発行」 voids the old ones and shows ten new ones once. */
export function RecoveryCodesFactor({ left }: { left: number }) {
  const { t } = useTranslation();
  const { modal } = App.useApp();
  const regenerate = useRegenerateRecoveryCodes();
  const { confirmed } = useFactorAction();

  const onRegenerate = () =>
    confirmed(
      t('mfa.recovery.regenerateConfirm'),
      () =>
        regenerate.mutateAsync().then(({ recoveryCodes }) => {
          modal.info({
            title: t('mfa.recovery.title'),
            content: <RecoveryCodes codes={recoveryCodes} />,
            okText: t('common.close'),
            width: 560,
          });
        }),
      t('mfa.recovery.regenerated'),
    );

  return (
    <Flex gap={8} align="center" wrap>
      <Typography.Text>{t('mfa.recovery.left', { count: left })}</Typography.Text>
      <Button size="small" onClick={onRegenerate} loading={regenerate.isPending}>
        {t('mfa.recovery.regenerate')}
      </Button>
    </Flex>
  );
}
