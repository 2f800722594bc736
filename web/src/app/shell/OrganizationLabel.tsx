import { useTranslation } from 'react-i18next';
import type { Membership } from '../../../../common/session.js';

/** "T8000001 デモ販売店" in the header. */
export function OrganizationLabel({ membership }: { membership: Membership }) {
  const { t } = useTranslation();
  return (
    <div
      className="mg-header__organization"
      title={t('header.organization')}
      data-testid="current-organization"
    >
      <span>{membership.code}</span>
      <span>{membership.name}</span>
    </div>
  );
}
