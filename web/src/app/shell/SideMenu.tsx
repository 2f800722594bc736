import { Menu } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';

export type SideMenuItem = { path: string; label: string; icon?: ReactNode; exact?: boolean };

/** The item whose path is the longest match of the current location. */
export function selectedMenuPath(items: readonly SideMenuItem[], pathname: string): string | undefined {
  const matches = items.filter((item) =>
    item.exact ? pathname === item.path : pathname === item.path || pathname.startsWith(`${item.path}/`),
  );
  return matches.sort((a, b) => b.path.length - a.path.length)[0]?.path;
}

export function SideMenu({ items }: { items: readonly SideMenuItem[] }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const selected = selectedMenuPath(items, pathname);
  return (
    <nav aria-label={t('nav.main')}>
      <Menu
        mode="inline"
        selectedKeys={selected ? [selected] : []}
        style={{ borderInlineEnd: 'none' }}
        items={items.map((item) => ({
          key: item.path,
          icon: item.icon,
          label: <Link to={item.path}>{item.label}</Link>,
        }))}
      />
    </nav>
  );
}
