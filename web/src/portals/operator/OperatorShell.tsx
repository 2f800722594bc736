import { AuditOutlined, FileTextOutlined, SafetyOutlined, TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLoadedSession } from '../../api/session.js';
import { PortalShell } from '../../app/shell/PortalShell.js';
import type { SideMenuItem } from '../../app/shell/SideMenu.js';
import { useAdminMenuItems } from '../../app/shell/useAdminMenuItems.js';

export function OperatorShell() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const admin = useAdminMenuItems('/operator');
  const operatorAdmin: SideMenuItem[] =
    session.current?.role === 'operator_admin'
      ? [
          { path: '/operator/terms', label: t('nav.terms'), icon: <FileTextOutlined /> },
          { path: '/operator/password-policy', label: t('nav.passwordPolicy'), icon: <SafetyOutlined /> },
        ]
      : [];
  return (
    <PortalShell
      homePath="/operator/tenants"
      menu={[
        { path: '/operator/tenants', label: t('nav.tenants'), icon: <TeamOutlined /> },
        { path: '/operator/account-requests', label: t('nav.accountRequests'), icon: <AuditOutlined /> },
        ...admin,
        ...operatorAdmin,
      ]}
    />
  );
}
