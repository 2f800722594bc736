import { useTranslation } from 'react-i18next';

export const mainContentId = 'main-content';

/** First stop for keyboard users: jumps over the header and menu to the page. */
export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="mg-skip-link" href={`#${mainContentId}`}>
      {t('app.skipToContent')}
    </a>
  );
}
