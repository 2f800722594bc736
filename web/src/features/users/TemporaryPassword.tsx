import { useTranslation } from 'react-i18next';
import { ShownOnceSecret } from '../../components/secret/ShownOnceSecret.js';

/** The temporary password, shown once (it cannot be displayed again). */
export function TemporaryPassword({ password }: { password: string }) {
  const { t } = useTranslation();
  return (
    <ShownOnceSecret warning={t('users.tempPasswordOnce')} secret={password} testId="temporary-password" />
  );
}
