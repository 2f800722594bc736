import { HomeOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PortalShell } from '../../app/shell/PortalShell.js';

export function CustomerShell() {
  const { t } = useTranslation();
  return (
    <PortalShell
      homePath="/customer"
      menu={[{ path: '/customer', label: t('nav.home'), icon: <HomeOutlined />, exact: true }]}
    />
  );
}
