import { FilterOutlined, SearchOutlined } from '@ant-design/icons';
import { Badge, Button, DatePicker, Dropdown, Flex, Form, Input, Select, Space, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  type BalanceOp,
  balanceOps,
  type CustomerStatus,
  customerStatuses,
} from '../../../../common/customers.js';
import { appliedFilterCount, type CustomerConditions, cleanConditions } from './customerListParams.js';

type FilterKey = 'code' | 'name' | 'balance';
const filterKeys: readonly FilterKey[] = ['code', 'name', 'balance'];

type FormValues = {
  code?: string;
  name?: string;
  balanceOp: BalanceOp;
  balance?: string;
  lastBilledOn?: Dayjs | null;
  status: CustomerStatus | 'all';
};

type Props = { applied: CustomerConditions; onSearch: (conditions: CustomerConditions) => void };

/**
 * 検索条件 of §7.1: フィルタ (choose 会社ID / 会社名 / 残高; the button shows how many are
 * applied), 最終請求日, ステータス and 検索. Re-mounted (key) when the address changes.
 */
export function CustomerSearchBar({ applied, onSearch }: Props) {
  const { t } = useTranslation();
  const [form] = Form.useForm<FormValues>();
  const [shown, setShown] = useState<FilterKey[]>(() => filterKeys.filter((key) => applied[key] !== ''));
  const [menuOpen, setMenuOpen] = useState(false);
  const count = appliedFilterCount(applied);

  const toggle = (key: FilterKey) => {
    setMenuOpen(false);
    if (shown.includes(key)) {
      setShown(shown.filter((k) => k !== key));
      form.setFieldValue(key, '');
    } else {
      setShown(filterKeys.filter((k) => k === key || shown.includes(k)));
    }
  };

  const submit = (values: FormValues) =>
    onSearch(
      cleanConditions({
        code: values.code ?? '',
        name: values.name ?? '',
        balanceOp: values.balanceOp,
        balance: values.balance ?? '',
        lastBilledOn: values.lastBilledOn ? values.lastBilledOn.format('YYYY-MM-DD') : '',
        status: values.status,
      }),
    );

  return (
    <section aria-labelledby="customer-conditions">
      <Typography.Title level={2} id="customer-conditions" style={{ fontSize: 16 }}>
        {t('customers.conditions')}
      </Typography.Title>
      <Form<FormValues>
        form={form}
        name="customerSearch"
        layout="vertical"
        onFinish={submit}
        initialValues={{
          code: applied.code,
          name: applied.name,
          balanceOp: applied.balanceOp,
          balance: applied.balance,
          lastBilledOn: applied.lastBilledOn ? dayjs(applied.lastBilledOn) : null,
          status: applied.status,
        }}
      >
        <Flex gap={16} wrap align="flex-end">
          <Form.Item label=" " colon={false}>
            <Dropdown
              trigger={['click']}
              open={menuOpen}
              onOpenChange={(open) => setMenuOpen(open)}
              menu={{
                selectable: true,
                multiple: true,
                selectedKeys: shown,
                onSelect: ({ key }) => toggle(key as FilterKey),
                onDeselect: ({ key }) => toggle(key as FilterKey),
                items: filterKeys.map((key) => ({ key, label: t(`customers.${key}`) })),
              }}
            >
              <Button icon={<FilterOutlined aria-hidden />}>
                {t('customers.filter')}
                {count > 0 && (
                  <Badge
                    count={count}
                    color="#0958d9"
                    title={t('customers.filterCount', { count })}
                    data-testid="filter-count"
                  />
                )}
              </Button>
            </Dropdown>
          </Form.Item>
          {shown.includes('code') && (
            <Form.Item name="code" label={t('customers.code')}>
              <Input
                placeholder={t('customers.codePlaceholder')}
                maxLength={9}
                allowClear
                style={{ width: 180 }}
              />
            </Form.Item>
          )}
          {shown.includes('name') && (
            <Form.Item name="name" label={t('customers.name')}>
              <Input maxLength={40} allowClear style={{ width: 220 }} />
            </Form.Item>
          )}
          {shown.includes('balance') && (
            <Form.Item label={t('customers.balance')} htmlFor="customerSearch_balance">
              <Space.Compact>
                <Form.Item name="balanceOp" noStyle>
                  <Select
                    aria-label={t('customers.balanceOp')}
                    style={{ width: 100 }}
                    options={balanceOps.map((op) => ({ value: op, label: t(`customers.balanceOp.${op}`) }))}
                  />
                </Form.Item>
                <Form.Item name="balance" noStyle>
                  <Input inputMode="numeric" prefix="¥" maxLength={16} style={{ width: 160 }} />
                </Form.Item>
              </Space.Compact>
            </Form.Item>
          )}
          <Form.Item name="lastBilledOn" label={t('customers.lastBilledOn')}>
            <DatePicker format="YYYY-MM-DD" placeholder="YYYY-MM-DD" style={{ width: 160 }} />
          </Form.Item>
          <Form.Item name="status" label={t('customers.status')}>
            <Select
              style={{ width: 160 }}
              options={[
                { value: 'all', label: t('customers.status.all') },
                ...customerStatuses.map((s) => ({ value: s, label: t(`customerStatus.${s}`) })),
              ]}
            />
          </Form.Item>
          <Form.Item label=" " colon={false}>
            <Button type="primary" htmlType="submit" icon={<SearchOutlined aria-hidden />}>
              {t('common.search')}
            </Button>
          </Form.Item>
        </Flex>
      </Form>
    </section>
  );
}
