import { HomeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PortalShell } from '../../app/shell/PortalShell.js';
import { useAdminMenuItems } from '../../app/shell/useAdminMenuItems.js';

export function CustomerShell() {
  const { t } = useTranslation();
  const admin = useAdminMenuItems('/customer');
  return (
    <PortalShell
      homePath="/customer"
      menu={[{ path: '/customer', label: t('nav.home'), icon: <HomeOutlined />, exact: true }, ...admin]}
    />
  );
}
