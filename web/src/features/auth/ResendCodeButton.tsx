import { App, Button } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { mfaResendSeconds, type SentCodeMethod } from '../../../../common/mfa.js';
import { useSendLoginCode } from '../../api/mfa.js';
import { errorText } from '../../components/errorText.js';
import { useCountdown } from '../../components/useCountdown.js';

type Props = { method: SentCodeMethod; sent: boolean; onSent: () => void };

/** 「認証コードを送信」 / 「認証コードを再送信」 with the wait before the next send counted down. */
export function ResendCodeButton({ method, sent, onSent }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const send = useSendLoginCode();
  const { left, start } = useCountdown();

  // a code sent at login (or before switching methods) starts the wait at once
  // biome-ignore lint/correctness/useExhaustiveDependencies: only when the step opens
  useEffect(() => {
    if (sent) start(mfaResendSeconds);
  }, []);

  const onClick = () =>
    send.mutate(
      { method },
      {
        onSuccess: ({ resendAfterSeconds }) => {
          start(resendAfterSeconds ?? mfaResendSeconds);
          onSent();
          void message.success(t('mfaLogin.codeSent'));
        },
        onError: (failure) => void message.error(errorText(failure, t)),
      },
    );

  const label = sent ? t('mfaLogin.resend') : t('mfaLogin.send');
  return (
    <Button onClick={onClick} loading={send.isPending} disabled={left > 0} data-testid="resend-code">
      {left > 0 ? t('mfaLogin.resendIn', { label, seconds: left }) : label}
    </Button>
  );
}
