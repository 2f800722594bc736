import { Button, Flex, Radio } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginStepMethod, MfaRequiredView } from '../../../../common/mfa.js';
import { CodeStepForm } from './CodeStepForm.js';
import { choiceMethods, initialMethod, isSentMethod } from './loginMethods.js';
import { PasskeyStep } from './PasskeyStep.js';

type Props = { challenge: MfaRequiredView; onRestart: (expired: boolean) => void };

/** The second login step: choose a method, enter its code or use a passkey, or a recovery code. */
export function SecondFactorStep({ challenge, onRestart }: Props) {
  const { t } = useTranslation();
  const [method, setMethod] = useState<LoginStepMethod>(() =>
    initialMethod(challenge.methods, challenge.preferred),
  );
  // the preferred mail / SMS code is sent with the answer to the password step
  const [sent, setSent] = useState<Set<LoginStepMethod>>(() =>
    isSentMethod(method) ? new Set([method]) : new Set(),
  );
  const choices = choiceMethods(challenge.methods);
  const expired = () => onRestart(true);
  const destination =
    method === 'mail' ? challenge.maskedEmail : method === 'sms' ? challenge.maskedMobile : undefined;

  return (
    <Flex vertical gap={16}>
      {choices.length > 1 && method !== 'recovery' && (
        <Radio.Group
          aria-label={t('mfaLogin.methodChoice')}
          optionType="button"
          value={method}
          onChange={(e) => setMethod(e.target.value)}
          options={choices.map((m) => ({ value: m, label: t(`mfaMethod.${m}`) }))}
        />
      )}
      {method === 'passkey' ? (
        <PasskeyStep onExpired={expired} />
      ) : (
        <CodeStepForm
          key={method}
          method={method}
          destination={destination}
          sent={sent.has(method)}
          onSent={() => setSent((old) => new Set(old).add(method))}
          onExpired={expired}
        />
      )}
      <Flex vertical align="start">
        {method === 'recovery'
          ? choices.length > 0 && (
              <Button
                type="link"
                onClick={() => setMethod(initialMethod(challenge.methods, challenge.preferred))}
              >
                {t('mfaLogin.backToMethods')}
              </Button>
            )
          : challenge.methods.includes('recovery') && (
              <Button type="link" onClick={() => setMethod('recovery')}>
                {t('mfaLogin.useRecovery')}
              </Button>
            )}
        <Button type="link" onClick={() => onRestart(false)}>
          {t('mfaLogin.restart')}
        </Button>
      </Flex>
    </Flex>
  );
}
