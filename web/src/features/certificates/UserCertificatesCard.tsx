import { App, Button, Card, Flex } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../../common/certificates.js';
import type { UserDetail } from '../../../../common/users.js';
import { useIssueCertificate, useRevokeCertificate, useUserCertificates } from '../../api/certificates.js';
import { errorText } from '../../components/errorText.js';
import { LoadError } from '../../components/LoadError.js';
import { useConfirm } from '../../components/useConfirm.js';
import { CertificateTable } from './CertificateTable.js';
import { IssuedCertificateContent } from './IssuedCertificateContent.js';

/** ID-15 クライアント証明書 of a user, for the organisation's admins: issue, reissue, revoke. */
export function UserCertificatesCard({ user }: { user: UserDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const confirm = useConfirm();
  const certificates = useUserCertificates(user.userId);
  const issue = useIssueCertificate(user.userId);
  const revoke = useRevokeCertificate(user.userId);
  const fail = (failure: unknown) => void message.error(errorText(failure, t));
  const hasValid = certificates.data?.items.some((c) => !c.revokedAt) ?? false;

  const onIssue = (reissue: boolean) =>
    confirm(t(reissue ? 'certificates.reissueConfirm' : 'certificates.issueConfirm'), () =>
      issue
        .mutateAsync(reissue)
        .then((certificate) => {
          void message.success(t(reissue ? 'certificates.reissued' : 'certificates.issued'));
          modal.info({
            title: t('certificates.issuedTitle'),
            content: <IssuedCertificateContent certificate={certificate} fileName={`${user.email}.p12`} />,
            okText: t('common.close'),
            width: 560,
          });
        })
        .catch(fail),
    );

  const onRevoke = (certificate: CertificateView) =>
    confirm(t('certificates.revokeConfirm'), () =>
      revoke
        .mutateAsync(certificate.id)
        .then(() => void message.success(t('certificates.revoked')))
        .catch(fail),
    );

  return (
    <Card size="small" title={t('certificates.title')} data-testid="user-certificates">
      {certificates.isError ? (
        <LoadError error={certificates.error} onRetry={() => certificates.refetch()} />
      ) : (
        <Flex vertical gap={8} align="start">
          <CertificateTable
            items={certificates.data?.items}
            loading={certificates.isPending}
            onRevoke={onRevoke}
          />
          <Button
            onClick={() => onIssue(hasValid)}
            loading={issue.isPending}
            disabled={certificates.isPending}
          >
            {hasValid ? t('certificates.reissue') : t('certificates.issue')}
          </Button>
        </Flex>
      )}
    </Card>
  );
}
