import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api/client.js';
import { useDeleteCustomer } from '../../api/customers.js';
import { errorText } from '../../components/errorText.js';
import { useConfirm } from '../../components/useConfirm.js';

/**
 * 顧客削除確認: 「顧客を削除します。よろしいでしょうか。」 → deleted, or the server's reason for
 * refusing (contracts or UTMs exist: 409) in a dialog that stays until it is read.
 */
export function useDeleteCustomerAction() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const confirm = useConfirm();
  const remove = useDeleteCustomer();

  return (customerId: string, onDeleted?: () => void) =>
    confirm(t('customers.deleteConfirm'), () =>
      remove
        .mutateAsync(customerId)
        .then(() => {
          void message.success(t('customers.deleted'));
          onDeleted?.();
        })
        .catch((failure: unknown) => {
          if (failure instanceof ApiError && failure.status === 409) {
            modal.warning({
              title: t('customers.deleteRefused'),
              content: errorText(failure, t),
              okText: t('common.ok'),
            });
            return;
          }
          void message.error(errorText(failure, t));
        }),
    );
}
