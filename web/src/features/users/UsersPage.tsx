import { Card, Tabs } from 'antd';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { isAdminRole } from '../../../../common/roles.js';
import { useLoadedSession } from '../../api/session.js';
import { PageTitle } from '../../components/PageTitle.js';
import { NotFoundContent } from '../errors/NotFoundPage.js';
import { UserGroupsPanel } from './UserGroupsPanel.js';
import { UserListPanel } from './UserListPanel.js';

/** ユーザー管理 (ID-17) of the current organisation, for its admins: users and user groups. */
export function UsersPage() {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const [search, setSearch] = useSearchParams();
  const current = session.current;
  if (!current || !isAdminRole(current.role)) return <NotFoundContent />;
  const tab = search.get('tab') === 'groups' ? 'groups' : 'users';

  return (
    <>
      <PageTitle>{t('users.pageTitle')}</PageTitle>
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => setSearch(key === 'groups' ? { tab: 'groups' } : {})}
          items={[
            {
              key: 'users',
              label: t('users.listTab'),
              children: <UserListPanel organizationKind={current.kind} />,
            },
            { key: 'groups', label: t('groups.tab'), children: <UserGroupsPanel /> },
          ]}
        />
      </Card>
    </>
  );
}
