import { Form, type FormRule, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { checkPasswordRules, type PasswordPolicy } from '../../../../common/password-policy.js';
import { PasswordRulesChecklist } from './PasswordRulesChecklist.js';
import type { RuleContext } from './passwordRuleItems.js';

type Props = {
  /** The shared schema's rule for a field (from useZodForm). */
  rule: (name: string) => FormRule;
  policy: PasswordPolicy;
  context?: RuleContext;
  /** 「パスワード」 (sign-up) or 「新しいパスワード」 (reset, change). */
  variant?: 'password' | 'newPassword';
};

/**
 * New password twice with the live rule checklist. The browser refuses a password that breaks a
 * rule it can check; the server checks them all again (and history, common passwords).
 */
export function NewPasswordFields({ rule, policy, context = {}, variant = 'newPassword' }: Props) {
  const { t } = useTranslation();
  const form = Form.useFormInstance();
  const password: string = Form.useWatch('password', form) ?? '';

  const policyRule: FormRule = {
    validator: async (_rule, value: unknown) => {
      if (typeof value !== 'string' || value === '') return;
      const failed = checkPasswordRules(value, policy, {
        email: context.email ?? undefined,
        name: context.name ?? undefined,
        hasMfa: context.hasMfa,
      }).some((r) => !r.ok);
      if (failed) throw new Error(t('validation.passwordRules'));
    },
  };

  return (
    <>
      <Form.Item
        name="password"
        label={t(`password.${variant}`)}
        rules={[rule('password'), policyRule]}
        validateTrigger="onBlur"
        required
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
      <Form.Item noStyle shouldUpdate>
        {() => (
          <PasswordRulesChecklist
            password={password}
            policy={policy}
            context={context}
            serverErrors={form.getFieldError('password')}
          />
        )}
      </Form.Item>
      <Form.Item
        name="passwordConfirm"
        label={t(`password.${variant}Confirm`)}
        rules={[rule('passwordConfirm')]}
        dependencies={['password']}
        validateTrigger="onBlur"
        required
      >
        <Input.Password autoComplete="new-password" />
      </Form.Item>
    </>
  );
}
