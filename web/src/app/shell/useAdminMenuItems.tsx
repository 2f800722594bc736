import { UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useLoadedSession } from '../../api/session.js';
import { isAdminRole } from '../../features/users/roles.js';
import type { SideMenuItem } from './SideMenu.js';

/** 「ユーザー管理」 under a portal's root, for the organisation's admins only. */
export function useAdminMenuItems(root: string): SideMenuItem[] {
  const { t } = useTranslation();
  const session = useLoadedSession();
  if (!isAdminRole(session.current?.role)) return [];
  return [{ path: `${root}/users`, label: t('nav.users'), icon: <UserOutlined /> }];
}
