import {
  ControlOutlined,
  DownOutlined,
  FileTextOutlined,
  KeyOutlined,
  LogoutOutlined,
  MailOutlined,
  SettingOutlined,
  SwapOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useLoadedSession, useLogout } from '../../api/session.js';

/**
 * The user's name opening a menu: in the partner portal テナント設定, メールアドレス設定 and
 * メールテンプレート設定 (PP-3); account settings, password change, switch tenant (when several), logout.
 */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const navigate = useNavigate();
  const logout = useLogout();
  if (!session.user) return null;

  const pending = (session.pendingActions?.length ?? 0) > 0;
  const items: MenuProps['items'] = [];
  if (!pending && session.current?.kind === 'partner') {
    items.push({ key: 'tenantSettings', icon: <ControlOutlined />, label: t('user.tenantSettings') });
    items.push({
      key: 'notificationAddresses',
      icon: <MailOutlined />,
      label: t('user.notificationAddresses'),
    });
    items.push({ key: 'mailTemplates', icon: <FileTextOutlined />, label: t('user.mailTemplates') });
    items.push({ type: 'divider' });
  }
  if (!pending) {
    items.push({ key: 'account', icon: <SettingOutlined />, label: t('user.account') });
    items.push({ key: 'password', icon: <KeyOutlined />, label: t('user.changePassword') });
  }
  if (session.memberships.length > 1 && !pending) {
    items.push({ key: 'switch', icon: <SwapOutlined />, label: t('user.switchOrganization') });
  }
  items.push({ key: 'logout', icon: <LogoutOutlined />, label: t('user.logout') });

  const onClick: MenuProps['onClick'] = ({ key }) => {
    if (key === 'tenantSettings') navigate('/partner/tenant-settings');
    if (key === 'notificationAddresses') navigate('/partner/notification-addresses');
    if (key === 'mailTemplates') navigate('/partner/mail-templates');
    if (key === 'account') navigate('/account');
    if (key === 'password') navigate('/password/change');
    if (key === 'switch') navigate('/select');
    if (key === 'logout') {
      logout.mutate();
    }
  };

  return (
    <Dropdown menu={{ items, onClick }} trigger={['click']} placement="bottomRight">
      <Button type="text" icon={<UserOutlined aria-hidden />} aria-haspopup="menu" data-testid="user-menu">
        {session.user.name || session.user.email}
        <DownOutlined aria-hidden style={{ fontSize: 10 }} />
      </Button>
    </Dropdown>
  );
}
