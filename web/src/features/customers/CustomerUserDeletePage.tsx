import { App, Button, Descriptions, Flex, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useCustomerUser, useDeleteCustomerUser } from '../../api/customerUsers.js';
import { errorText } from '../../components/errorText.js';
import { LoadError } from '../../components/LoadError.js';
import { Loading } from '../../components/Loading.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useConfirm } from '../../components/useConfirm.js';
import { CustomerBreadcrumb, customerCrumbs } from './CustomerBreadcrumb.js';

/** ユーザ削除 (§7.4.4 (4)): the user's fields, 削除 → 「ユーザを削除します。よろしいでしょうか。」, 戻る. */
export function CustomerUserDeletePage() {
  const { t } = useTranslation();
  const { customerId = '', userId = '' } = useParams();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const navigate = useNavigate();
  const user = useCustomerUser(customerId, userId);
  const remove = useDeleteCustomerUser(customerId, userId);
  const back = () => navigate(`/partner/customers/${encodeURIComponent(customerId)}?tab=users`);

  return (
    <>
      <CustomerBreadcrumb items={customerCrumbs(t, customerId, { label: t('customerUsers.deleteTitle') })} />
      <PageTitle>{t('customerUsers.deleteTitle')}</PageTitle>
      {user.isPending && <Loading />}
      {user.isError && !remove.isSuccess && <LoadError error={user.error} onRetry={() => user.refetch()} />}
      {user.data && (
        <Flex vertical gap={16} style={{ maxWidth: 720 }}>
          <Typography.Paragraph>{t('customerUsers.deleteLead')}</Typography.Paragraph>
          <Descriptions column={1} bordered size="small" data-testid="customer-user">
            <Descriptions.Item label={t('customerUsers.code')}>{user.data.code}</Descriptions.Item>
            <Descriptions.Item label={t('customerUsers.familyName')}>
              {user.data.familyName}
            </Descriptions.Item>
            <Descriptions.Item label={t('customerUsers.givenName')}>{user.data.givenName}</Descriptions.Item>
            <Descriptions.Item label={t('customerUsers.email')}>{user.data.email}</Descriptions.Item>
            <Descriptions.Item label={t('customerUsers.mobile')}>{user.data.mobile ?? ''}</Descriptions.Item>
          </Descriptions>
          <Flex gap={8}>
            <Button
              danger
              type="primary"
              loading={remove.isPending}
              onClick={() =>
                confirm(t('customerUsers.deleteConfirm'), () =>
                  remove
                    .mutateAsync()
                    .then(() => {
                      void message.success(t('customerUsers.deleted'));
                      back();
                    })
                    .catch((failure: unknown) => void message.error(errorText(failure, t))),
                )
              }
            >
              {t('customerUsers.deleteSubmit')}
            </Button>
            <Button onClick={back}>{t('common.back')}</Button>
          </Flex>
        </Flex>
      )}
    </>
  );
}
