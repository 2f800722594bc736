import { Steps } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IdentityCheckBody } from '../../../../common/accounts.js';
import type { AcceptedInvitation, InvitationInfo } from '../../../../common/invitations.js';
import { ActivationPasswordForm } from './ActivationPasswordForm.js';
import { IdentityCheckForm } from './IdentityCheckForm.js';

type Props = { token: string; invitation: InvitationInfo; onDone: (result: AcceptedInvitation) => void };

/** ID-7 first login from the password-registration URL: ① 本人確認 → ② パスワード設定 → 完了. */
export function ActivationFlow({ token, invitation, onDone }: Props) {
  const { t } = useTranslation();
  const [identity, setIdentity] = useState<IdentityCheckBody | null>(null);
  return (
    <>
      <Steps
        size="small"
        current={identity ? 1 : 0}
        items={[
          { title: t('activation.identityStep') },
          { title: t('activation.passwordStep') },
          { title: t('activation.doneStep') },
        ]}
        style={{ marginBottom: 24 }}
      />
      {identity ? (
        <ActivationPasswordForm
          token={token}
          invitation={invitation}
          identity={identity}
          onBack={() => setIdentity(null)}
          onDone={onDone}
        />
      ) : (
        <IdentityCheckForm token={token} onVerified={setIdentity} />
      )}
    </>
  );
}
