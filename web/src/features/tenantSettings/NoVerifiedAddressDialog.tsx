import { Button, Modal, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { isAdminRole } from '../../../../common/roles.js';
import { useLoadedSession } from '../../api/session.js';
import { useNotificationAddresses } from '../../api/tenantSettings.js';

/**
 * PP-2 / PP-6: on the dashboard, a dialog while the tenant has no verified notification address;
 * admins go straight to メールアドレス設定, members are asked to tell an admin.
 */
export function NoVerifiedAddressDialog() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const session = useLoadedSession();
  const addresses = useNotificationAddresses();
  const [closed, setClosed] = useState(false);
  const admin = isAdminRole(session.current?.role);
  const open = !closed && addresses.data !== undefined && !addresses.data.anyVerified;

  return (
    <Modal
      open={open}
      title={t('addressWarning.title')}
      onCancel={() => setClosed(true)}
      footer={[
        <Button key="close" onClick={() => setClosed(true)}>
          {t('common.close')}
        </Button>,
        admin && (
          <Button key="open" type="primary" onClick={() => navigate('/partner/notification-addresses')}>
            {t('addressWarning.open')}
          </Button>
        ),
      ]}
    >
      <Typography.Paragraph>{t('addressWarning.body')}</Typography.Paragraph>
      {!admin && <Typography.Paragraph>{t('addressWarning.memberBody')}</Typography.Paragraph>}
    </Modal>
  );
}
