import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCreateCustomerUser } from '../../api/customerUsers.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useConfirm } from '../../components/useConfirm.js';
import { CustomerBreadcrumb, customerCrumbs } from './CustomerBreadcrumb.js';
import { CustomerUserForm } from './CustomerUserForm.js';
import { emptyCustomerUserValues } from './customerUserValues.js';

/** ユーザ作成: 「ユーザを作成します。よろしいでしょうか。」; the server sends the provisional-registration mail. */
export function CustomerUserCreatePage() {
  const { t } = useTranslation();
  const { customerId = '' } = useParams();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const create = useCreateCustomerUser(customerId);
  const back = () => navigate(`/partner/customers/${encodeURIComponent(customerId)}?tab=users`);

  return (
    <>
      <CustomerBreadcrumb items={customerCrumbs(t, customerId, { label: t('customerUsers.createTitle') })} />
      <PageTitle>{t('customerUsers.createTitle')}</PageTitle>
      <CustomerUserForm
        initialValues={emptyCustomerUserValues}
        submitLabel={t('customerUsers.createSubmit')}
        busy={create.isPending}
        onBack={back}
        onSubmit={(values, fail) =>
          confirm(t('customerUsers.createConfirm'), () =>
            create
              .mutateAsync(values)
              .then(() => {
                void message.success(t('customerUsers.created'));
                back();
              })
              .catch(fail),
          )
        }
      />
    </>
  );
}
