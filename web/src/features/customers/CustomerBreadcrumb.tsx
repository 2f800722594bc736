import { Breadcrumb } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

type Crumb = { label: string; to?: string };

/** ダッシュボード > 顧客管理 > …: the last crumb is the current page (not a link). */
export function CustomerBreadcrumb({ items }: { items: Crumb[] }) {
  const { t } = useTranslation();
  const all: Crumb[] = [
    { label: t('nav.dashboard'), to: '/partner' },
    { label: t('nav.customers'), to: '/partner/customers' },
    ...items,
  ];
  return (
    <Breadcrumb
      aria-label={t('customers.breadcrumb')}
      style={{ marginBottom: 12 }}
      items={all.map((crumb, index) => ({
        key: String(index),
        title:
          crumb.to && index < all.length - 1 ? (
            <Link to={crumb.to}>{crumb.label}</Link>
          ) : (
            <span aria-current={index === all.length - 1 ? 'page' : undefined}>{crumb.label}</span>
          ),
      }))}
    />
  );
}

/** The crumbs down to one customer's detail page. */
export function customerCrumbs(t: (key: string) => string, customerId: string, ...rest: Crumb[]): Crumb[] {
  return [
    { label: t('customers.detailTitle'), to: `/partner/customers/${encodeURIComponent(customerId)}` },
    ...rest,
  ];
}
