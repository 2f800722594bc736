import { AuditOutlined, SettingOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { isAdminRole } from '../../../../common/roles.js';
import { useLoadedSession } from '../../api/session.js';
import type { SideMenuItem } from './SideMenu.js';

/**
 * The admin pages under a portal's root, for the organisation's admins only: 「ユーザー管理」,
 * and for partners and customers 「組織設定」 (customers also 「アカウント手続き」).
 */
export function useAdminMenuItems(root: string): SideMenuItem[] {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const kind = session.current?.kind;
  if (!isAdminRole(session.current?.role)) return [];
  const items: SideMenuItem[] = [{ path: `${root}/users`, label: t('nav.users'), icon: <UserOutlined /> }];
  if (kind === 'customer') {
    items.push({
      path: `${root}/account-requests`,
      label: t('nav.accountRequests'),
      icon: <AuditOutlined />,
    });
  }
  if (kind !== 'operator') {
    items.push({ path: `${root}/settings`, label: t('nav.orgSettings'), icon: <SettingOutlined /> });
  }
  return items;
}
