import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { UserStatus } from '../../../../common/accounts.js';

/** Solid colours with white text (antd's light presets fall short of WCAG AA contrast). */
const colors: Record<UserStatus, string> = {
  active: '#237804',
  invited: '#0958d9',
  expired: '#ad4e00',
  locked: '#cf1322',
  disabled: '#595959',
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
