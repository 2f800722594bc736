import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserStatus } from '../../api/types.js';

const colors: Record<UserStatus, string> = {
  active: 'green',
  invited: 'blue',
  expired: 'orange',
  locked: 'red',
  disabled: 'default',
};

/** 有効 / 招待中 / サインアップ期間切れ / ロック中 / 無効 (text, so readable without colour). */
export function UserStatusTag({ status }: { status: UserStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={colors[status]} data-status={status}>
      {t(`userStatus.${status}`)}
    </Tag>
  );
}
