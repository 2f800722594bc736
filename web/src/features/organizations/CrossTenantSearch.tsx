import { SearchOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Form, Input, Select, Table, type TableProps, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type CrossTenantHit,
  type CrossTenantSearchQuery,
  crossTenantSearchQuery,
  type SearchBy,
  tenantSettingsLimits,
} from '../../../../common/tenant-settings.js';
import { useCrossTenantSearch } from '../../api/tenantSettings.js';
import { EmptyText } from '../../components/EmptyText.js';
import { errorText } from '../../components/errorText.js';
import { useZodForm } from '../../components/form/useZodForm.js';

const maxLength: Record<SearchBy, number> = {
  name: tenantSettingsLimits.searchName,
  phone: tenantSettingsLimits.searchPhone,
};

type Props = { onOpenCustomer: (hit: CrossTenantHit) => void; opening: boolean };

/**
 * PP-1 テナント横断検索: a company name (partial, ≤40) or phone number (exact digits, ≤15) across
 * the user's partner tenants; at most 10 rows, with the manual's message when there are more.
 */
export function CrossTenantSearch({ onOpenCustomer, opening }: Props) {
  const { t } = useTranslation();
  const { form, rule, parse } = useZodForm(crossTenantSearchQuery);
  const by: SearchBy = Form.useWatch('by', form) ?? 'name';
  const [query, setQuery] = useState<CrossTenantSearchQuery>({ by: 'name', q: '' });
  const search = useCrossTenantSearch(query.by, query.q);

  const onFinish = (raw: CrossTenantSearchQuery) => {
    const next = parse(raw);
    // the same search again asks the server again (customers may have been added meanwhile)
    if (next.by === query.by && next.q === query.q) void search.refetch();
    else setQuery(next);
  };

  const columns: TableProps<CrossTenantHit>['columns'] = [
    { key: 'tenantCode', title: t('tenantSearch.tenantCode'), dataIndex: 'tenantCode' },
    { key: 'tenantName', title: t('tenantSearch.tenantName'), dataIndex: 'tenantName' },
    {
      key: 'customerCode',
      title: t('tenantSearch.customerCode'),
      dataIndex: 'customerCode',
      render: (code: string, hit) => (
        <Typography.Link
          href={`/partner/customers/${encodeURIComponent(hit.customerId)}`}
          onClick={(event) => {
            event.preventDefault();
            onOpenCustomer(hit);
          }}
        >
          {code}
        </Typography.Link>
      ),
    },
    { key: 'customerName', title: t('tenantSearch.customerName'), dataIndex: 'customerName' },
  ];

  const data = search.data;
  const more = data !== undefined && data.total > tenantSettingsLimits.searchRows && !search.isFetching;

  return (
    <section aria-labelledby="tenant-search-title" style={{ marginBottom: 24 }}>
      <Typography.Title level={2} id="tenant-search-title" style={{ fontSize: 18 }}>
        {t('tenantSearch.title')}
      </Typography.Title>
      <Form
        form={form}
        name="crossTenantSearch"
        layout="inline"
        initialValues={{ by: 'name', q: '' }}
        onFinish={onFinish}
        style={{ rowGap: 8, marginBottom: 16 }}
      >
        <Form.Item name="by" label={t('tenantSearch.by')}>
          <Select
            style={{ width: 140 }}
            options={[
              { value: 'name', label: t('tenantSearch.by.name') },
              { value: 'phone', label: t('tenantSearch.by.phone') },
            ]}
            onChange={() => form.setFields([{ name: 'q', errors: [] }])}
          />
        </Form.Item>
        <Form.Item name="q" label={t('tenantSearch.term')} rules={[rule('q')]}>
          <Input
            maxLength={maxLength[by]}
            inputMode={by === 'phone' ? 'numeric' : undefined}
            placeholder={
              by === 'phone' ? t('tenantSearch.phonePlaceholder') : t('tenantSearch.namePlaceholder')
            }
            style={{ width: 340, maxWidth: '100%' }}
            allowClear
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SearchOutlined aria-hidden />}
            loading={search.isFetching}
          >
            {t('tenantSearch.submit')}
          </Button>
        </Form.Item>
      </Form>
      {search.isError && <Alert type="error" showIcon title={errorText(search.error, t)} />}
      {query.q !== '' && !search.isError && (
        <>
          {more && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              data-testid="tenant-search-more"
              title={
                <Flex vertical>
                  <span>
                    {t('tenantSearch.found', { count: data.total, shown: tenantSettingsLimits.searchRows })}
                  </span>
                  {query.by === 'name' && <span>{t('tenantSearch.narrow')}</span>}
                </Flex>
              }
            />
          )}
          <Table<CrossTenantHit>
            data-testid="tenant-search-results"
            aria-label={t('tenantSearch.results')}
            rowKey="customerId"
            size="small"
            columns={columns}
            dataSource={data?.items}
            loading={search.isFetching || opening}
            pagination={false}
            locale={{ emptyText: <EmptyText>{t('tenantSearch.none')}</EmptyText> }}
          />
        </>
      )}
    </section>
  );
}
