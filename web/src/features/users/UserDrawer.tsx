import { Descriptions, Divider, Drawer, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { OrganizationKind } from '../../../../common/roles.js';
import { useLoadedSession } from '../../api/session.js';
import { useUser } from '../../api/users.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { useDateTime } from '../../components/useDateTime.js';
import { UserCertificatesCard } from '../certificates/UserCertificatesCard.js';
import { EditUserForm } from './EditUserForm.js';
import { UserActions } from './UserActions.js';
import { UserStatusTag } from './UserStatusTag.js';

type Props = { userId: string | null; organizationKind: OrganizationKind; onClose: () => void };

/** ユーザー詳細: status, e-mail and dates, the actions, the edit form and the client certificates. */
export function UserDrawer({ userId, organizationKind, onClose }: Props) {
  const { t } = useTranslation();
  const session = useLoadedSession();
  const formatDateTime = useDateTime();
  const user = useUser(userId);
  const data = user.data;

  return (
    <Drawer
      open={userId !== null}
      onClose={onClose}
      title={t('users.detailTitle')}
      size={720}
      destroyOnHidden
    >
      {user.isPending && <Loading />}
      {user.isError && <LoadError error={user.error} onRetry={() => user.refetch()} />}
      {data && (
        <Flex vertical gap={16}>
          <Descriptions column={1} bordered size="small" data-testid="user-detail">
            <Descriptions.Item label={t('users.email')}>{data.email}</Descriptions.Item>
            <Descriptions.Item label={t('users.status')}>
              <UserStatusTag status={data.status} />
            </Descriptions.Item>
            {data.invitationExpiresAt && (
              <Descriptions.Item label={t('users.invitationExpiresAt')}>
                {formatDateTime(data.invitationExpiresAt)}
              </Descriptions.Item>
            )}
            <Descriptions.Item label={t('users.lastLoginAt')}>
              {formatDateTime(data.lastLoginAt)}
            </Descriptions.Item>
          </Descriptions>
          <UserActions user={data} isSelf={data.userId === session.user?.id} onRemoved={onClose} />
          <Divider style={{ margin: 0 }} />
          <EditUserForm key={JSON.stringify(data)} user={data} organizationKind={organizationKind} />
          {data.status !== 'invited' && data.status !== 'expired' && <UserCertificatesCard user={data} />}
        </Flex>
      )}
    </Drawer>
  );
}
