import { App, Button, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserDetail } from '../../../../common/users.js';
import { type UserAction, useIssueTemporaryPassword, useUserAction } from '../../api/users.js';
import { errorText } from '../../components/errorText.js';
import { useConfirm } from '../../components/useConfirm.js';
import { ReauthCancelled, useReauthGuard } from '../mfa/ReauthProvider.js';
import { TemporaryPassword } from './TemporaryPassword.js';

type Props = { user: UserDetail; isSelf: boolean };

type ActionKey = 'disable' | 'enable' | 'unlock' | 'tempPassword' | 'resetMfa';

const requests: Record<Exclude<ActionKey, 'tempPassword'>, UserAction> = {
  disable: 'disable',
  enable: 'enable',
  unlock: 'unlock',
  resetMfa: 'mfa/reset',
};

/**
 * The actions that fit a member's status, each behind 「…します。よろしいでしょうか。」. Nothing for
 * the admin's own account (the account page does that); the account actions only where this
 * organisation manages the account.
 */
function actionsFor(user: UserDetail, isSelf: boolean): ActionKey[] {
  if (isSelf) return [];
  if (user.status === 'disabled') return ['enable'];
  if (!user.accountManaged) return ['disable'];
  return user.status === 'locked'
    ? ['unlock', 'tempPassword', 'resetMfa', 'disable']
    : ['tempPassword', 'resetMfa', 'disable'];
}

export function UserActions({ user, isSelf }: Props) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const confirm = useConfirm();
  const action = useUserAction(user.userId);
  const tempPassword = useIssueTemporaryPassword(user.userId);
  const guard = useReauthGuard();
  const fail = (failure: unknown) => {
    if (!(failure instanceof ReauthCancelled)) void message.error(errorText(failure, t));
  };

  // The confirmation closes at once: the action may still ask for the password (a dialog of its own).
  const confirmed = (title: string, work: () => Promise<unknown>) =>
    confirm(title, () => {
      void work();
      return undefined;
    });

  const run = (key: ActionKey) => {
    if (key === 'tempPassword') {
      confirmed(t('users.action.tempPassword.confirm'), () =>
        guard(() => tempPassword.mutateAsync())
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
    confirmed(t(`users.action.${key}.confirm`), () =>
      guard(() => action.mutateAsync(requests[key]))
        .then(() => void message.success(t(`users.action.${key}.done`)))
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
          danger={key === 'disable' || key === 'resetMfa'}
          onClick={() => run(key)}
          loading={action.isPending && action.variables === requests[key as keyof typeof requests]}
        >
          {t(`users.action.${key}.label`)}
        </Button>
      ))}
    </Flex>
  );
}
