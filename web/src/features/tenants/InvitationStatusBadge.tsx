import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';
import type { InvitationStatus } from '../../api/types.js';

const badgeStatus = { pending: 'processing', accepted: 'success', expired: 'default' } as const;

/** 招待中 / 登録済み / 期限切れ, as a dot with text (readable without colour). */
export function InvitationStatusBadge({ status }: { status: InvitationStatus }) {
  const { t } = useTranslation();
  return <Badge status={badgeStatus[status]} text={t(`invitationStatus.${status}`)} />;
}
