import { Form, type FormRule, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationInfo } from '../../../../common/invitations.js';
import { limits } from '../../../../common/limits.js';
import { NewPasswordFields } from '../../components/password/NewPasswordFields.js';

type Props = { invitation: InvitationInfo; rule: (name: string) => FormRule };

/** ユーザ情報入力 (001 §2.2): password twice, tenant (read-only), name, company, department, phone, note. */
export function SignupFormFields({ invitation, rule }: Props) {
  const { t } = useTranslation();
  const name: string | undefined = Form.useWatch('name');
  const item = (field: string, max: number, extra?: string) => (
    <Form.Item
      name={field}
      label={t(`invitation.${field}`)}
      rules={[rule(field)]}
      validateTrigger="onBlur"
      extra={extra}
    >
      {field === 'note' ? (
        <Input.TextArea rows={3} count={{ show: true, max }} />
      ) : (
        <Input count={{ show: true, max }} autoComplete={field === 'phone' ? 'tel' : 'off'} />
      )}
    </Form.Item>
  );
  return (
    <>
      <NewPasswordFields
        rule={rule}
        policy={invitation.passwordPolicy}
        context={{ email: invitation.email, name }}
        variant="password"
      />
      <Form.Item label={t('invitation.organization')}>
        <span data-testid="signup-organization">
          {invitation.organizationCode}（{invitation.organizationName}）
        </span>
      </Form.Item>
      <Form.Item
        name="name"
        label={t('invitation.userName')}
        extra={t('invitation.nameHelp')}
        rules={[rule('name')]}
        validateTrigger="onBlur"
        required
      >
        <Input autoComplete="name" count={{ show: true, max: limits.personName }} />
      </Form.Item>
      {item('company', limits.company)}
      {item('department', limits.department)}
      {item('phone', limits.phone, t('invitation.phoneHelp'))}
      {item('note', limits.note)}
    </>
  );
}
