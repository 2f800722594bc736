import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../api/customers.js';

const colors: Record<CustomerStatus, string> = { draft: 'default', active: 'green', cancelled: 'red' };

export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`customerStatus.${status}`)}</Tag>;
}
