import { Button, Table, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CertificateView } from '../../../../common/certificates.js';
import { EmptyText } from '../../components/EmptyText.js';
import { useDateTime } from '../../components/useDateTime.js';

type Props = {
  items: CertificateView[] | undefined;
  loading: boolean;
  /** Without it the list is read-only (the user's own certificates). */
  onRevoke?: (certificate: CertificateView) => void;
};

/** Certificates with serial, fingerprint, issued, expires and revoked. */
export function CertificateTable({ items, loading, onRevoke }: Props) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <Table<CertificateView>
      rowKey="id"
      size="small"
      pagination={false}
      loading={loading}
      dataSource={items}
      data-testid="certificates"
      locale={{ emptyText: <EmptyText>{t('certificates.empty')}</EmptyText> }}
      columns={[
        { key: 'serial', title: t('certificates.serial'), dataIndex: 'serial' },
        {
          key: 'fingerprint',
          title: t('certificates.fingerprint'),
          dataIndex: 'fingerprint',
          render: (v: string) => (
            <Typography.Text copyable={{ text: v }} style={{ fontSize: 12, wordBreak: 'break-all' }}>
              {v.slice(0, 23)}…
            </Typography.Text>
          ),
        },
        { key: 'issuedAt', title: t('certificates.issuedAt'), dataIndex: 'issuedAt', render: formatDateTime },
        {
          key: 'expiresAt',
          title: t('certificates.expiresAt'),
          dataIndex: 'expiresAt',
          render: formatDateTime,
        },
        {
          key: 'revokedAt',
          title: t('certificates.revokedAt'),
          dataIndex: 'revokedAt',
          render: (v: string | null) =>
            v ? formatDateTime(v) : <Tag color="#237804">{t('certificates.valid')}</Tag>,
        },
        ...(onRevoke
          ? [
              {
                key: 'action',
                title: t('common.actions'),
                render: (_: unknown, certificate: CertificateView) =>
                  certificate.revokedAt ? null : (
                    <Button size="small" danger onClick={() => onRevoke(certificate)}>
                      {t('certificates.revoke')}
                    </Button>
                  ),
              },
            ]
          : []),
      ]}
    />
  );
}
