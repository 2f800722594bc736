import { Layout } from 'antd';
import type { ReactNode } from 'react';
import { useLoadedSession } from '../../api/session.js';
import { homePathFor } from '../portalPath.js';
import { AppHeader } from './AppHeader.js';
import { mainContentId, SkipLink } from './SkipLink.js';

/** Pages outside the portals (login, tenant choice, sign-up, not found). */
export function PublicLayout({ children, wide = false }: { children: ReactNode; wide?: boolean }) {
  const session = useLoadedSession();
  return (
    <Layout style={{ minHeight: '100vh' }}>
      <SkipLink />
      <AppHeader homePath={homePathFor(session)} showUser={Boolean(session.user)} />
      <Layout.Content className="mg-public" id={mainContentId} tabIndex={-1}>
        <div className={wide ? 'mg-public__card mg-public__card--wide' : 'mg-public__card'}>{children}</div>
      </Layout.Content>
    </Layout>
  );
}
