import { Button, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { SignupAcceptBody } from '../../../../common/accounts.js';
import type { InvitationInfo } from '../../../../common/invitations.js';

type Props = {
  invitation: InvitationInfo;
  values: SignupAcceptBody;
  submitting: boolean;
  onBack: () => void;
  onSubmit: () => void;
};

/** ユーザ情報入力確認: what will be registered, passwords masked; 「戻る」 or 「登録」. */
export function SignupConfirm({ invitation, values, submitting, onBack, onSubmit }: Props) {
  const { t } = useTranslation();
  const masked = '*****';
  return (
    <>
      <Descriptions
        column={1}
        bordered
        size="small"
        title={t('invitation.settings')}
        style={{ marginBottom: 24 }}
        data-testid="signup-confirm"
      >
        <Descriptions.Item label={t('password.password')}>{masked}</Descriptions.Item>
        <Descriptions.Item label={t('password.passwordConfirm')}>{masked}</Descriptions.Item>
        <Descriptions.Item label={t('invitation.organization')}>
          {invitation.organizationCode}（{invitation.organizationName}）
        </Descriptions.Item>
        <Descriptions.Item label={t('invitation.userName')}>{values.name}</Descriptions.Item>
        <Descriptions.Item label={t('invitation.company')}>{values.company ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('invitation.department')}>{values.department ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('invitation.phone')}>{values.phone ?? ''}</Descriptions.Item>
        <Descriptions.Item label={t('invitation.note')}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{values.note ?? ''}</span>
        </Descriptions.Item>
      </Descriptions>
      <Flex gap={8}>
        <Button onClick={onBack} disabled={submitting}>
          {t('common.back')}
        </Button>
        <Button type="primary" onClick={onSubmit} loading={submitting}>
          {t('invitation.register')}
        </Button>
      </Flex>
    </>
  );
}
