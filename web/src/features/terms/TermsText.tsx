import { Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CurrentTerms } from '../../../../common/terms.js';
import { useDateTime } from '../../components/useDateTime.js';

/** Title, version and date, and the body as plain text in a scrolling box. */
export function TermsText({ terms }: { terms: CurrentTerms }) {
  const { t } = useTranslation();
  const formatDateTime = useDateTime();
  return (
    <section aria-labelledby="terms-heading">
      <Typography.Title level={2} id="terms-heading" style={{ fontSize: 18 }}>
        {terms.title}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        {t('terms.versionLine', { version: terms.version, date: formatDateTime(terms.publishedAt) })}
      </Typography.Paragraph>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the scrolling text must be reachable by keyboard */}
      <div className="mg-terms-body" tabIndex={0} data-testid="terms-body">
        {terms.body}
      </div>
    </section>
  );
}
