import { KeyOutlined } from '@ant-design/icons';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PasskeyAuthenticationResponse } from '../../../../common/passkeys.js';
import { ApiError } from '../../api/client.js';
import { useVerifyLoginStep } from '../../api/mfa.js';
import { usePasskeyLoginOptions } from '../../api/passkeys.js';
import { errorText } from '../../components/errorText.js';
import { FormError } from '../../components/form/FormError.js';
import { getPasskeyAssertion, webAuthnSupported } from '../passkeys/webauthn.js';

/** 「パスキーでログイン」: the browser asks the authenticator, the server checks its signature. */
export function PasskeyStep({ onExpired }: { onExpired: () => void }) {
  const { t } = useTranslation();
  const options = usePasskeyLoginOptions();
  const verify = useVerifyLoginStep();
  const [error, setError] = useState<string | null>(null);

  const onClick = async () => {
    setError(null);
    try {
      const response = (await getPasskeyAssertion(
        await options.mutateAsync(),
      )) as PasskeyAuthenticationResponse;
      await verify.mutateAsync({ method: 'passkey', response });
    } catch (failure) {
      if (failure instanceof ApiError && failure.code === 'login_expired') onExpired();
      else setError(failure instanceof ApiError ? errorText(failure, t) : t('passkeys.browserFailed'));
    }
  };

  return (
    <>
      <Typography.Paragraph>{t('mfaLogin.lead.passkey')}</Typography.Paragraph>
      <FormError message={error} />
      {!webAuthnSupported() && <FormError message={t('passkeys.unsupported')} />}
      <Button
        type="primary"
        icon={<KeyOutlined aria-hidden />}
        onClick={() => void onClick()}
        loading={options.isPending || verify.isPending}
        disabled={!webAuthnSupported()}
      >
        {t('mfaLogin.passkeyButton')}
      </Button>
    </>
  );
}
