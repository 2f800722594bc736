import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CustomerStatus } from '../../../../common/customers.js';

/** Solid colours with white text (antd's light presets fall short of WCAG AA contrast). */
const colors: Record<CustomerStatus, string> = { draft: '#595959', active: '#237804', cancelled: '#cf1322' };

/** ドラフト / 有効 / キャンセル済み (text, so readable without colour). */
export function CustomerStatusTag({ status }: { status: CustomerStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-status={status}>
      {t(`customerStatus.${status}`)}
    </Tag>
  );
}
