import { Alert, Descriptions, Divider, Drawer, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '../../../../common/roles.js';
import type { UserListItem } from '../../../../common/users.js';
import { useLoadedSession } from '../../api/session.js';
import { useUser } from '../../api/users.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useDateTime } from '../../components/useDateTime.js';
import { UserCertificatesCard } from '../certificates/UserCertificatesCard.js';
import { ReauthProvider } from '../mfa/ReauthProvider.js';
import { EditUserForm } from './EditUserForm.js';
import { InvitationDetail } from './InvitationDetail.js';
import { UserActions } from './UserActions.js';
import { UserStatusTag } from './UserStatusTag.js';

type Props = { row: UserListItem | null; organizationKind: OrganizationKind; onClose: () => void };

/**
 * ユーザー詳細. An open invitation shows only itself (re-send, cancel). A member shows status,
 * e-mail and dates, the actions, the edit form and the client certificates; what of the account
 * can be changed depends on whether this organisation manages it and whether it is the admin's
 * own (see the notes). Sensitive actions ask for the password again.
 */
export function UserDrawer({ row, organizationKind, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Drawer open={row !== null} onClose={onClose} title={t('users.detailTitle')} size={720} destroyOnHidden>
      <ReauthProvider>
        {row?.userId === null && <InvitationDetail invitation={row} onRemoved={onClose} />}
        {row?.userId && <MemberDetail userId={row.userId} organizationKind={organizationKind} />}
      </ReauthProvider>
    </Drawer>
  );
}

function MemberDetail({ userId, organizationKind }: { userId: string; organizationKind: OrganizationKind }) {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const formatDateTime = useDateTime();
  const user = useUser(userId);
  const data = user.data;
  if (user.isPending) return <Loading />;
  if (user.isError) return <LoadError error={user.error} onRetry={() => user.refetch()} />;
  if (!data) return null;
  const isSelf = data.userId === session.user?.id;
  const note = isSelf ? 'users.selfAccountNote' : data.accountManaged ? null : 'users.sharedAccountNote';
  return (
    <Flex vertical gap={16}>
      {note && <Alert type="info" showIcon title={t(note)} data-testid="account-note" />}
      <Descriptions column={1} bordered size="small" data-testid="user-detail">
        <Descriptions.Item label={t('users.email')}>{data.email}</Descriptions.Item>
        <Descriptions.Item label={t('users.status')}>
          <UserStatusTag status={data.status} />
        </Descriptions.Item>
        {data.accountManaged && (
          <Descriptions.Item label={t('users.lastLoginAt')}>
            {formatDateTime(data.lastLoginAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <UserActions user={data} isSelf={isSelf} />
      <Divider style={{ margin: 0 }} />
      <EditUserForm
        key={JSON.stringify(data)}
        user={data}
        isSelf={isSelf}
        organizationKind={organizationKind}
      />
      {data.accountManaged && <UserCertificatesCard user={data} />}
    </Flex>
  );
}
