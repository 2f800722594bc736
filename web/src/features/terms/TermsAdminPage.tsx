import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TermsVersion } from '../../../../common/terms.js';
import { useTermsVersions } from '../../api/terms.js';
import { EmptyText } from '../../components/EmptyText.js';
import { LoadError } from '../../components/LoadError.js';
import { PageTitle } from '../../components/PageTitle.js';
import { useDateTime } from '../../components/useDateTime.js';
import { PublishTermsModal } from './PublishTermsModal.js';

/** Operator 「利用規約」 (ID-12): the published versions and publishing a new one. */
export function TermsAdminPage() {
  const { t, i18n } = useTranslation();
  const formatDateTime = useDateTime();
  const versions = useTermsVersions();
  const [publishing, setPublishing] = useState(false);
  const en = i18n.language === 'en';

  return (
    <>
      <PageTitle>{t('termsAdmin.title')}</PageTitle>
      <Card>
        <Flex justify="flex-end" style={{ marginBottom: 16 }}>
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setPublishing(true)}>
            {t('termsAdmin.publishTitle')}
          </Button>
        </Flex>
        {versions.isError ? (
          <LoadError error={versions.error} onRetry={() => versions.refetch()} />
        ) : (
          <Table<TermsVersion>
            rowKey="id"
            loading={versions.isPending}
            dataSource={versions.data?.items}
            pagination={false}
            locale={{ emptyText: <EmptyText>{t('termsAdmin.empty')}</EmptyText> }}
            expandable={{
              expandedRowRender: (v) => <div className="mg-terms-body">{en ? v.bodyEn : v.bodyJa}</div>,
            }}
            columns={[
              { key: 'version', title: t('termsAdmin.version'), dataIndex: 'version', align: 'right' },
              {
                key: 'title',
                title: t('termsAdmin.titleColumn'),
                render: (_: unknown, v) => (en ? v.titleEn : v.titleJa),
              },
              {
                key: 'publishedAt',
                title: t('termsAdmin.publishedAt'),
                dataIndex: 'publishedAt',
                render: (value: string) => formatDateTime(value),
              },
              {
                key: 'acceptedCount',
                title: t('termsAdmin.acceptedCount'),
                dataIndex: 'acceptedCount',
                align: 'right',
              },
            ]}
          />
        )}
      </Card>
      <PublishTermsModal open={publishing} onClose={() => setPublishing(false)} />
    </>
  );
}
