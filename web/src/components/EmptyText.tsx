/** Text for an empty table, readable (antd's default grey fails WCAG AA contrast). */
export function EmptyText({ children }: { children: string }) {
  return <span style={{ color: 'rgba(0, 0, 0, 0.65)' }}>{children}</span>;
}
