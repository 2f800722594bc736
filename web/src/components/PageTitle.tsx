import { Typography } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one h1, also used as the document title. */
export function PageTitle({ children }: { children: string }) {
  const { t } = useTranslation();
  const product = t('app.productName');
  useEffect(() => {
    document.title = `${children} | ${product}`;
  }, [children, product]);
  return (
    <Typography.Title level={1} className="mg-page-title">
      {children}
    </Typography.Title>
  );
}
