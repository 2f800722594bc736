import { Alert, App, Button, Descriptions, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserListItem } from '../../../../common/users.js';
import { type InvitationAction, useInvitationAction } from '../../api/users.js';
import { errorText } from '../../components/errorText.js';
import { useConfirm } from '../../components/useConfirm.js';
import { useDateTime } from '../../components/useDateTime.js';
import { UserStatusTag } from './UserStatusTag.js';

type Props = { invitation: UserListItem; onRemoved: () => void };

const actions: { key: 'resend' | 'cancelInvitation'; request: InvitationAction }[] = [
  { key: 'resend', request: 'resend' },
  { key: 'cancelInvitation', request: 'cancel' },
];

/**
 * An open invitation: what the admin entered, its status and expiry, and the two things that can
 * be done with it until the person accepts — re-send and cancel.
 */
export function InvitationDetail({ invitation, onRemoved }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const formatDateTime = useDateTime();
  const action = useInvitationAction(invitation.memberId);

  const run = (key: (typeof actions)[number]['key'], request: InvitationAction) =>
    confirm(t(`users.action.${key}.confirm`), () =>
      action
        .mutateAsync(request)
        .then(() => {
          void message.success(t(`users.action.${key}.done`));
          if (request === 'cancel') onRemoved();
        })
        .catch((failure: unknown) => void message.error(errorText(failure, t))),
    );

  return (
    <Flex vertical gap={16}>
      <Alert type="info" showIcon title={t('users.invitationNote')} />
      <Descriptions column={1} bordered size="small" data-testid="user-detail">
        <Descriptions.Item label={t('users.name')}>{invitation.name || t('users.noName')}</Descriptions.Item>
        <Descriptions.Item label={t('users.email')}>{invitation.email}</Descriptions.Item>
        <Descriptions.Item label={t('users.role')}>{t(`role.${invitation.role}`)}</Descriptions.Item>
        <Descriptions.Item label={t('users.status')}>
          <UserStatusTag status={invitation.status} />
        </Descriptions.Item>
        {invitation.invitationExpiresAt && (
          <Descriptions.Item label={t('users.invitationExpiresAt')}>
            {formatDateTime(invitation.invitationExpiresAt)}
          </Descriptions.Item>
        )}
      </Descriptions>
      <Flex gap={8} wrap data-testid="user-actions">
        {actions.map(({ key, request }) => (
          <Button
            key={key}
            danger={request === 'cancel'}
            onClick={() => run(key, request)}
            loading={action.isPending && action.variables === request}
          >
            {t(`users.action.${key}.label`)}
          </Button>
        ))}
      </Flex>
    </Flex>
  );
}
