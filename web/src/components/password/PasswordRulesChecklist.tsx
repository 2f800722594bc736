import { CheckCircleFilled, CloseCircleFilled, MinusCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { PasswordPolicy } from '../../../../common/password-policy.js';
import { isLocale } from '../../app/i18n/setup.js';
import { passwordRuleItems, type RuleContext, type RuleState } from './passwordRuleItems.js';

type Props = {
  password: string;
  policy: PasswordPolicy;
  context?: RuleContext;
  /** The server's messages on the password field (names the rules only it can check). */
  serverErrors?: readonly string[];
};

const icons: Record<RuleState, React.ReactNode> = {
  ok: <CheckCircleFilled aria-hidden style={{ color: '#237804' }} />,
  failed: <CloseCircleFilled aria-hidden style={{ color: '#cf1322' }} />,
  pending: <MinusCircleOutlined aria-hidden style={{ color: 'rgba(0, 0, 0, 0.62)' }} />,
};

/** パスワード要件: each rule of the policy with ✓ / ✗, live while typing (ID-3). */
export function PasswordRulesChecklist({ password, policy, context = {}, serverErrors }: Props) {
  const { t, i18n } = useTranslation();
  const locale = isLocale(i18n.language) ? i18n.language : 'ja';
  const items = passwordRuleItems(password, policy, context, locale, serverErrors);
  return (
    <div className="mg-password-rules" data-testid="password-rules">
      <div className="mg-password-rules__title">{t('password.rulesTitle')}</div>
      <ul>
        {items.map((item) => (
          <li key={item.rule} data-state={item.state}>
            {icons[item.state]}
            <span>{item.text}</span>
            <span className="mg-visually-hidden">{t(`password.ruleState.${item.state}`)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
