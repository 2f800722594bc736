import { Typography } from 'antd';
import type { ReactNode } from 'react';

/** A card's heading below the page's h1 (h2, card-title sized). */
export function SectionTitle({ children }: { children: ReactNode }) {
  return (
    <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
      {children}
    </Typography.Title>
  );
}
