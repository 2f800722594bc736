import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { errorText } from '../../components/errorText.js';
import { useConfirm } from '../../components/useConfirm.js';
import { ReauthCancelled, useReauthGuard } from './ReauthProvider.js';

/**
 * Runs a change of the user's own factors: optionally behind 「…します。よろしいでしょうか。」,
 * re-authenticating when the server asks, with the success message or the error.
 */
export function useFactorAction() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const guard = useReauthGuard();

  const fail = (failure: unknown) => {
    if (!(failure instanceof ReauthCancelled)) void message.error(errorText(failure, t));
  };

  /** Runs at once; resolves with the answer, or undefined after a failure already shown. */
  const run = <T>(action: () => Promise<T>, done?: string): Promise<T | undefined> =>
    guard(action)
      .then((result) => {
        if (done) void message.success(done);
        return result;
      })
      .catch((failure: unknown) => {
        fail(failure);
        return undefined;
      });

  const confirmed = (question: string, action: () => Promise<unknown>, done: string) =>
    confirm(question, () => run(action, done));

  return { run, confirmed };
}
