import { Button, Descriptions, Result } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { AcceptedInvitation } from '../../../../common/invitations.js';

/** 「認証情報の更新が完了しました。」 with ユーザ名 and Eメール (001 §2.2). */
export function InvitationDone({ result }: { result: AcceptedInvitation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Result
      status="success"
      title={<span role="status">{t('invitation.done')}</span>}
      subTitle={t('invitation.doneLead')}
      extra={
        <>
          <Descriptions column={1} bordered size="small" style={{ marginBottom: 24, textAlign: 'start' }}>
            <Descriptions.Item label={t('invitation.userName')}>{result.name}</Descriptions.Item>
            <Descriptions.Item label={t('invitation.doneEmail')}>{result.email}</Descriptions.Item>
          </Descriptions>
          <Button type="primary" onClick={() => navigate('/login')}>
            {t('common.toLogin')}
          </Button>
        </>
      }
    />
  );
}
