import { CustomerServiceOutlined, DashboardOutlined, ShopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PortalShell } from '../../app/shell/PortalShell.js';
import { useAdminMenuItems } from '../../app/shell/useAdminMenuItems.js';

/** PP-3: only the areas that exist are in the menu (customers, applications, support come later). */
export function PartnerShell() {
  const { t } = useTranslation();
  const admin = useAdminMenuItems('/partner');
  return (
    <PortalShell
      homePath="/partner"
      menu={[
        { path: '/partner', label: t('nav.dashboard'), icon: <DashboardOutlined />, exact: true },
        { path: '/partner/customers', label: t('nav.customers'), icon: <ShopOutlined /> },
        { path: '/partner/support', label: t('nav.support'), icon: <CustomerServiceOutlined /> },
        ...admin,
      ]}
    />
  );
}
