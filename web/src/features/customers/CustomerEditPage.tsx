import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCustomer, useUpdateCustomer } from '../../api/customers.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useConfirm } from '../../components/useConfirm.js';
import { CustomerBreadcrumb, customerCrumbs } from './CustomerBreadcrumb.js';
import { CustomerForm } from './CustomerForm.js';
import { customerFormValues, hasCustomerChanges } from './customerValues.js';

/** CU-3 顧客情報変更: at least one change, 「顧客情報を変更します。よろしいでしょうか。」 → 「顧客情報を変更しました。」. */
export function CustomerEditPage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const customer = useCustomer(customerId);
  const update = useUpdateCustomer(customerId);
  const detailPath = `/partner/customers/${encodeURIComponent(customerId)}`;

  return (
    <>
      <CustomerBreadcrumb items={customerCrumbs(t, customerId, { label: t('customers.editTitle') })} />
      <PageTitle>{t('customers.editTitle')}</PageTitle>
      {customer.isPending && <Loading />}
      {customer.isError && <LoadError error={customer.error} onRetry={() => customer.refetch()} />}
      {customer.data && (
        <CustomerForm
          key={customer.data.updatedAt}
          initialValues={customerFormValues(customer.data)}
          submitLabel={t('customers.editSubmit')}
          note={t('customers.editNote')}
          busy={update.isPending}
          check={(values) =>
            customer.data && !hasCustomerChanges(customer.data, values) ? t('error.no_changes') : null
          }
          onSubmit={(values, fail) =>
            confirm(t('customers.editConfirm'), () =>
              update
                .mutateAsync(values)
                .then(() => {
                  void message.success(t('customers.edited'));
                  navigate(detailPath);
                })
                .catch(fail),
            )
          }
        />
      )}
    </>
  );
}
