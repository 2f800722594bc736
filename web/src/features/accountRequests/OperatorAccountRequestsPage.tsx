import { App, Button, Card } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountRequestView } from '../../../../common/certificates.js';
import { useAdvanceAccountRequest, useOperatorAccountRequests } from '../../api/accountRequests.js';
import { errorText } from '../../components/errorText.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useConfirm } from '../../components/useConfirm.js';
import { AccountRequestTable } from './AccountRequestTable.js';

/** The operator console's queue of account procedures: 対応開始, then 完了 (the mail with the link goes out). */
export function OperatorAccountRequestsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const confirm = useConfirm();
  const requests = useOperatorAccountRequests();
  const advance = useAdvanceAccountRequest();

  const run = (request: AccountRequestView, step: 'start' | 'complete') =>
    confirm(t(`accountRequests.${step}Confirm`), () =>
      advance
        .mutateAsync({ id: request.id, step })
        .then(() => void message.success(t(`accountRequests.${step}Done`)))
        .catch((failure: unknown) => void message.error(errorText(failure, t))),
    );

  const actions = (request: AccountRequestView) => {
    if (request.status === 'done') return null;
    const step = request.status === 'received' ? 'start' : 'complete';
    return (
      <Button
        size="small"
        type={step === 'complete' ? 'primary' : 'default'}
        onClick={() => run(request, step)}
      >
        {t(`accountRequests.${step}`)}
      </Button>
    );
  };

  return (
    <>
      <PageTitle>{t('accountRequests.operatorTitle')}</PageTitle>
      <Card>
        {requests.isError ? (
          <LoadError error={requests.error} onRetry={() => requests.refetch()} />
        ) : (
          <AccountRequestTable
            items={requests.data?.items}
            loading={requests.isPending}
            withOrganization
            actions={actions}
          />
        )}
      </Card>
    </>
  );
}
