import { TeamOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { PortalShell } from '../../app/shell/PortalShell.js';

export function OperatorShell() {
  const { t } = useTranslation();
  return (
    <PortalShell
      homePath="/operator/tenants"
      menu={[{ path: '/operator/tenants', label: t('nav.tenants'), icon: <TeamOutlined /> }]}
    />
  );
}
