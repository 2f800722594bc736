/** `t***@example.jp`: enough for the user to recognise the address, not to learn it. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  return `${email.slice(0, 1)}***${email.slice(at)}`;
}

/** `090-****-5678`: the first three and last four digits stay, hyphens are kept. */
export function maskMobile(mobile: string): string {
  const digits = mobile.replace(/\D/g, '').length;
  let seen = 0;
  return mobile.replace(/\d/g, (d) => {
    seen++;
    return seen <= 3 || seen > digits - 4 ? d : '*';
  });
}
