import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useCreateCustomer } from '../../api/customers.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useConfirm } from '../../components/useConfirm.js';
import { CustomerBreadcrumb } from './CustomerBreadcrumb.js';
import { CustomerForm } from './CustomerForm.js';
import { emptyCustomerValues } from './customerValues.js';

/** CU-2 顧客作成: 「顧客を作成します。よろしいでしょうか。」 → 「顧客を作成しました。」 → the new customer. */
export function CustomerCreatePage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const create = useCreateCustomer();

  return (
    <>
      <CustomerBreadcrumb items={[{ label: t('customers.createTitle') }]} />
      <PageTitle>{t('customers.createTitle')}</PageTitle>
      <CustomerForm
        initialValues={emptyCustomerValues}
        submitLabel={t('customers.createSubmit')}
        busy={create.isPending}
        onSubmit={(values, fail) =>
          confirm(t('customers.createConfirm'), () =>
            create
              .mutateAsync(values)
              .then((created) => {
                void message.success(t('customers.created'));
                navigate(`/partner/customers/${encodeURIComponent(created.id)}`);
              })
              .catch(fail),
          )
        }
      />
    </>
  );
}
