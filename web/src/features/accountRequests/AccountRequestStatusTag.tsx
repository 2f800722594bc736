import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AccountRequestStatus } from '../../../../common/certificates.js';

// dark enough for text contrast on the light tag background (WCAG AA)
const colors: Record<AccountRequestStatus, string> = {
  received: '#ad4e00',
  in_progress: '#0958d9',
  done: '#237804',
};

/** 受付 / 対応中 / 完了. */
export function AccountRequestStatusTag({ status }: { status: AccountRequestStatus }) {
  const { t } = useTranslation();
  return <Tag color={colors[status]}>{t(`accountRequests.status.${status}`)}</Tag>;
}
