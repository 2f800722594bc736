import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Flex, Input } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { TenantListParams } from '../../api/operatorTenants.js';
import { PageTitle } from '../../components/PageTitle.js';
import { CreateTenantModal } from './CreateTenantModal.js';
import { TenantTable } from './TenantTable.js';
import { readTenantListParams, writeTenantListParams } from './tenantListParams.js';

/** OP-1: tenants with server-side search, paging and sorting, and the create dialog. */
export function TenantListPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const params = readTenantListParams(search);
  const [creating, setCreating] = useState(false);

  const update = (next: Partial<TenantListParams>) =>
    setSearch(writeTenantListParams({ ...params, ...next }));

  return (
    <>
      <PageTitle>{t('tenants.title')}</PageTitle>
      <Card>
        <Flex gap={16} wrap justify="space-between" style={{ marginBottom: 16 }}>
          <Input.Search
            key={params.q}
            defaultValue={params.q}
            placeholder={t('tenants.search')}
            aria-label={t('tenants.search')}
            enterButton={t('common.search')}
            allowClear
            maxLength={100}
            onSearch={(value) => update({ q: value.trim(), page: 1 })}
            style={{ maxWidth: 420 }}
          />
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {t('tenants.create')}
          </Button>
        </Flex>
        <TenantTable params={params} onChange={update} />
      </Card>
      <CreateTenantModal open={creating} onClose={() => setCreating(false)} />
    </>
  );
}
