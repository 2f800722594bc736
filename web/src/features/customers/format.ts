/** 残高 as the manual shows it: ¥1,234 (integer yen; negative amounts as -¥1,234). */
export function formatYen(amount: number): string {
  const digits = Math.abs(Math.trunc(amount)).toLocaleString('en-US');
  return amount < 0 ? `-¥${digits}` : `¥${digits}`;
}
