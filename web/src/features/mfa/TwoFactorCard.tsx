import { Alert, Card, Descriptions, type DescriptionsProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MfaMethod, MyMfaView } from '../../../../common/mfa.js';
import { useMyMfa } from '../../api/mfa.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { MyCertificates } from '../certificates/MyCertificates.js';
import { PasskeysSection } from '../passkeys/PasskeysSection.js';
import { PreferredMethodForm } from './PreferredMethodForm.js';
import { ReauthProvider } from './ReauthProvider.js';
import { RecoveryCodesFactor } from './RecoveryCodesFactor.js';
import { SmsFactor } from './SmsFactor.js';
import { TotpFactor } from './TotpFactor.js';

function factorItems(mfa: MyMfaView, t: (key: string, o?: Record<string, unknown>) => string) {
  const allowed = (m: MfaMethod) => mfa.policy.allowedMethods.includes(m);
  const items: DescriptionsProps['items'] = [];
  const add = (method: MfaMethod, children: React.ReactNode) => {
    if (allowed(method)) items.push({ key: method, label: t(`mfaMethod.${method}`), children });
  };
  add('totp', <TotpFactor totp={mfa.methods.totp} />);
  add('mail', t('mfa.mail.note'));
  add('sms', <SmsFactor sms={mfa.methods.sms} />);
  add('passkey', <PasskeysSection />);
  add('certificate', <MyCertificates />);
  items.push({
    key: 'recovery',
    label: t('mfaMethod.recovery'),
    children: <RecoveryCodesFactor left={mfa.recoveryCodesLeft} />,
  });
  items.push({ key: 'preferred', label: t('mfa.preferred'), children: <PreferredMethodForm mfa={mfa} /> });
  return items;
}

/** 二要素認証 of the account settings (ID-4): each factor, recovery codes and the preferred method. */
export function TwoFactorCard() {
  const { t } = useTranslation();
  const mfa = useMyMfa();
  return (
    <Card title={t('mfa.title')} data-testid="two-factor">
      {mfa.isPending && <Loading />}
      {mfa.isError && <LoadError error={mfa.error} onRetry={() => mfa.refetch()} />}
      {mfa.data && (
        <ReauthProvider>
          {mfa.data.policy.requireMfa && (
            <Alert type="info" showIcon title={t('mfa.requiredByPolicy')} style={{ marginBottom: 16 }} />
          )}
          <Descriptions column={1} bordered size="small" items={factorItems(mfa.data, t)} />
        </ReauthProvider>
      )}
    </Card>
  );
}
