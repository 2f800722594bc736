import { App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserDetail } from '../../api/types.js';
import { type UserAction, useIssueTemporaryPassword, useUserAction } from '../../api/users.js';
import { errorText } from '../../components/errorText.js';
import { useConfirm } from '../../components/useConfirm.js';
import { TemporaryPassword } from './TemporaryPassword.js';

type Props = { user: UserDetail; isSelf: boolean; onRemoved: () => void };

type ActionKey =
  | 'disable'
  | 'enable'
  | 'unlock'
  | 'resend'
  | 'cancelInvitation'
  | 'tempPassword'
  | 'resetMfa';

const requests: Record<Exclude<ActionKey, 'tempPassword'>, UserAction> = {
  disable: 'disable',
  enable: 'enable',
  unlock: 'unlock',
  resend: 'invitation/resend',
  cancelInvitation: 'invitation/cancel',
  resetMfa: 'mfa/reset',
};

/** The actions that fit the user's status, each behind 「…します。よろしいでしょうか。」. */
function actionsFor(user: UserDetail, isSelf: boolean): ActionKey[] {
  switch (user.status) {
    case 'invited':
    case 'expired':
      return ['resend', 'cancelInvitation'];
    case 'disabled':
      return ['enable'];
    case 'locked':
      return isSelf ? ['unlock'] : ['unlock', 'tempPassword', 'resetMfa', 'disable'];
    default:
      return isSelf ? [] : ['tempPassword', 'resetMfa', 'disable'];
  }
}

export function UserActions({ user, isSelf, onRemoved }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const confirm = useConfirm();
  const action = useUserAction(user.userId);
  const tempPassword = useIssueTemporaryPassword(user.userId);
  const fail = (failure: unknown) => void message.error(errorText(failure, t));

  const run = (key: ActionKey) => {
    if (key === 'tempPassword') {
      confirm(t('users.action.tempPassword.confirm'), () =>
        tempPassword
          .mutateAsync()
          .then(({ temporaryPassword }) => {
            modal.info({
              title: t('users.action.tempPassword.done'),
              content: <TemporaryPassword password={temporaryPassword} />,
              okText: t('common.close'),
              width: 520,
            });
          })
          .catch(fail),
      );
      return;
    }
    confirm(t(`users.action.${key}.confirm`), () =>
      action
        .mutateAsync(requests[key])
        .then(() => {
          void message.success(t(`users.action.${key}.done`));
          if (key === 'cancelInvitation') onRemoved();
        })
        .catch(fail),
    );
  };

  const keys = actionsFor(user, isSelf);
  if (keys.length === 0) return null;
  return (
    <Flex gap={8} wrap data-testid="user-actions">
      {keys.map((key) => (
        <Button
          key={key}
          danger={key === 'disable' || key === 'cancelInvitation' || key === 'resetMfa'}
          onClick={() => run(key)}
          loading={action.isPending && action.variables === requests[key as keyof typeof requests]}
        >
          {t(`users.action.${key}.label`)}
        </Button>
      ))}
    </Flex>
  );
}
