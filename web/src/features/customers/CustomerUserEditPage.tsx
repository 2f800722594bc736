import { App } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCustomerUser, useUpdateCustomerUser } from '../../api/customerUsers.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useConfirm } from '../../components/useConfirm.js';
import { CustomerBreadcrumb, customerCrumbs } from './CustomerBreadcrumb.js';
import { CustomerUserForm } from './CustomerUserForm.js';
import { customerUserFormValues, hasCustomerUserChanges } from './customerUserValues.js';

/** ユーザ編集: at least one change, 「ユーザを編集します。よろしいでしょうか。」. */
export function CustomerUserEditPage() {
  const { t } = useTranslation();
  const { customerId = '', userId = '' } = useParams();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const user = useCustomerUser(customerId, userId);
  const update = useUpdateCustomerUser(customerId, userId);
  const back = () => navigate(`/partner/customers/${encodeURIComponent(customerId)}?tab=users`);

  return (
    <>
      <CustomerBreadcrumb items={customerCrumbs(t, customerId, { label: t('customerUsers.editTitle') })} />
      <PageTitle>{t('customerUsers.editTitle')}</PageTitle>
      {user.isPending && <Loading />}
      {user.isError && <LoadError error={user.error} onRetry={() => user.refetch()} />}
      {user.data && (
        <CustomerUserForm
          initialValues={customerUserFormValues(user.data)}
          submitLabel={t('customerUsers.editSubmit')}
          note={t('customerUsers.editNote')}
          busy={update.isPending}
          onBack={back}
          check={(values) =>
            user.data && !hasCustomerUserChanges(user.data, values) ? t('error.no_changes') : null
          }
          onSubmit={(values, fail) =>
            confirm(t('customerUsers.editConfirm'), () =>
              update
                .mutateAsync(values)
                .then(() => {
                  void message.success(t('customerUsers.edited'));
                  back();
                })
                .catch(fail),
            )
          }
        />
      )}
    </>
  );
}
