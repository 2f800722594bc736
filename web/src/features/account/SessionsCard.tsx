import { App, Button, Card, Table, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { MySession } from '../../../../common/session.js';
import { useMySessions, useRevokeSession } from '../../api/me.js';
import { EmptyText } from '../../components/EmptyText.js';
import { errorText } from '../../components/errorText.js';
import { LoadError } from '../../components/LoadError.js';
import { useConfirm } from '../../components/useConfirm.js';
import { useDateTime } from '../../components/useDateTime.js';

/** ID-13: the user's own sessions (device, IP, last seen) with 「ログアウト」 for the others. */
export function SessionsCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const formatDateTime = useDateTime();
  const sessions = useMySessions();
  const revoke = useRevokeSession();

  const onRevoke = (session: MySession) =>
    confirm(t('account.revokeConfirm'), () =>
      revoke
        .mutateAsync(session.id)
        .then(() => void message.success(t('account.revoked')))
        .catch((failure: unknown) => void message.error(errorText(failure, t))),
    );

  return (
    <Card title={t('account.sessions')}>
      {sessions.isError ? (
        <LoadError error={sessions.error} onRetry={() => sessions.refetch()} />
      ) : (
        <Table<MySession>
          rowKey="id"
          size="small"
          pagination={false}
          loading={sessions.isPending}
          dataSource={sessions.data?.items}
          data-testid="sessions"
          locale={{ emptyText: <EmptyText>{t('account.sessionsEmpty')}</EmptyText> }}
          columns={[
            { key: 'device', title: t('account.device'), dataIndex: 'device' },
            { key: 'ip', title: t('account.ip'), dataIndex: 'ip' },
            {
              key: 'createdAt',
              title: t('account.loggedInAt'),
              dataIndex: 'createdAt',
              render: (v: string) => formatDateTime(v),
            },
            {
              key: 'lastSeenAt',
              title: t('account.lastSeenAt'),
              dataIndex: 'lastSeenAt',
              render: (v: string) => formatDateTime(v),
            },
            {
              key: 'action',
              title: t('common.actions'),
              render: (_: unknown, session) =>
                session.current ? (
                  <Tag color="#0958d9">{t('account.thisSession')}</Tag>
                ) : (
                  <Button size="small" danger onClick={() => onRevoke(session)}>
                    {t('user.logout')}
                  </Button>
                ),
            },
          ]}
        />
      )}
    </Card>
  );
}
