import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationStatus } from '../../../../common/tenants.js';

const badgeStatus = {
  pending: 'processing',
  accepted: 'success',
  expired: 'default',
  cancelled: 'default',
} as const satisfies Record<InvitationStatus, string>;

/** 招待中 / 登録済み / 期限切れ / 取消済み, as a dot with text (readable without colour). */
export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation();
  return <Badge status={badgeStatus[status]} text={t(`invitationStatus.${status}`)} />;
}
