import { DeleteOutlined, EditOutlined } from '@ant-design/icons';
import { Alert, Button, Descriptions, Flex, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { CustomerDetail } from '../../../../common/customers.js';
import { CustomerStatusTag } from './CustomerStatusTag.js';
import { formatYen } from './format.js';
import { SectionTitle } from './SectionTitle.js';
import { useDeleteCustomerAction } from './useDeleteCustomerAction.js';

/** Keeps the line breaks of a memo; text only (never markup). */
const Multiline = ({ text }: { text: string | null }) => (
  <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{text ?? ''}</Typography.Text>
);

/** §7.4.1 顧客情報: 基本情報&連絡先 and 取引先, with 編集 and 削除. */
export function CustomerInfoTab({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const deleteCustomer = useDeleteCustomerAction();
  const [moreMemos, setMoreMemos] = useState(false);
  const hasMoreMemos = Boolean(customer.memo2 || customer.memo3);
  const path = `/partner/customers/${encodeURIComponent(customer.id)}`;

  return (
    <Flex vertical gap={24}>
      {customer.deletionBlockers.length > 0 && (
        <Alert
          type="info"
          showIcon
          title={customer.deletionBlockers.map((blocker) => t(`error.customer_has_${blocker}`)).join(' ')}
          data-testid="deletion-blockers"
        />
      )}
      <Flex gap={8} justify="flex-end">
        <Button icon={<EditOutlined aria-hidden />} onClick={() => navigate(`${path}/edit`)}>
          {t('customers.edit')}
        </Button>
        <Button
          danger
          icon={<DeleteOutlined aria-hidden />}
          onClick={() => deleteCustomer(customer.id, () => navigate('/partner/customers'))}
        >
          {t('customers.delete')}
        </Button>
      </Flex>
      <section>
        <SectionTitle>{t('customers.section.basic')}</SectionTitle>
        <Descriptions column={1} bordered size="small" style={{ marginTop: 12 }} data-testid="customer-basic">
          <Descriptions.Item label={t('customers.code')}>{customer.code}</Descriptions.Item>
          <Descriptions.Item label={t('customers.name')}>{customer.name}</Descriptions.Item>
          <Descriptions.Item label={t('customers.status')}>
            <CustomerStatusTag status={customer.status} />
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.balance')}>{formatYen(customer.balance)}</Descriptions.Item>
          <Descriptions.Item label={t('customers.lastBilledOn')}>
            {customer.lastBilledOn ?? ''}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.memo1')}>
            <Multiline text={customer.memo1} />
          </Descriptions.Item>
          {hasMoreMemos && moreMemos && (
            <Descriptions.Item label={t('customers.memo2')}>
              <Multiline text={customer.memo2} />
            </Descriptions.Item>
          )}
          {hasMoreMemos && moreMemos && (
            <Descriptions.Item label={t('customers.memo3')}>
              <Multiline text={customer.memo3} />
            </Descriptions.Item>
          )}
        </Descriptions>
        {hasMoreMemos && (
          <Button
            type="link"
            style={{ padding: 0 }}
            aria-expanded={moreMemos}
            onClick={() => setMoreMemos(!moreMemos)}
          >
            {moreMemos ? t('customers.showLess') : t('customers.showMore')}
          </Button>
        )}
      </section>
      <section>
        <SectionTitle>{t('customers.section.contact')}</SectionTitle>
        <Descriptions
          column={1}
          bordered
          size="small"
          style={{ marginTop: 12 }}
          data-testid="customer-contact"
        >
          <Descriptions.Item label={t('customers.contactName')}>
            {`${customer.contactFamilyName} ${customer.contactGivenName}`}
          </Descriptions.Item>
          <Descriptions.Item label={t('customers.department')}>{customer.department ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('customers.jobTitle')}>{customer.title ?? ''}</Descriptions.Item>
          <Descriptions.Item label={t('customers.email')}>{customer.email}</Descriptions.Item>
          <Descriptions.Item label={t('customers.postalCode')}>{customer.postalCode}</Descriptions.Item>
          <Descriptions.Item label={t('customers.prefecture')}>{customer.prefecture}</Descriptions.Item>
          <Descriptions.Item label={t('customers.address')}>{customer.address}</Descriptions.Item>
          <Descriptions.Item label={t('customers.phone')}>{customer.phone}</Descriptions.Item>
        </Descriptions>
      </section>
    </Flex>
  );
}
