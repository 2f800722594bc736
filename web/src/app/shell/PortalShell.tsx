import { Layout } from 'antd';
import { Outlet } from 'react-router';
import { useLoadedSession } from '../../api/session.js';
import { AppHeader } from './AppHeader.js';
import { OrganizationLabel } from './OrganizationLabel.js';
import { SideMenu, type SideMenuItem } from './SideMenu.js';
import { mainContentId, SkipLink } from './SkipLink.js';

type Props = { homePath: string; menu: readonly SideMenuItem[] };

/** Header + side menu + page: the frame of the operator, partner and customer portals. */
export function PortalShell({ homePath, menu }: Props) {
  const session = useLoadedSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <AppHeader
        homePath={homePath}
        organization={session.current ? <OrganizationLabel membership={session.current} /> : undefined}
      />
      <Layout>
        <Layout.Sider width={220} theme="light" style={{ borderInlineEnd: '1px solid #e5e5e5' }}>
          <SideMenu items={menu} />
        </Layout.Sider>
        <Layout.Content className="mg-content" id={mainContentId} tabIndex={-1}>
          <Outlet />
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
