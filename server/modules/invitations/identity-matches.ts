/** What an invitee types in the 本人確認 step (`002` ①), against what the admin registered. */
export type IdentityClaim = { email: string; name: string; phone: string };
export type RegisteredIdentity = { email: string; name: string; phone: string | null };

/** Names compare without any spaces (half- or full-width) and with full-width letters folded. */
const bareName = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
const digits = (s: string) => s.normalize('NFKC').replace(/\D+/g, '');

/**
 * Whether the claim matches: e-mail case-insensitively, name ignoring spaces, phone by its
 * digits. An admin may add a user without a name (`002`: 氏名 is optional); then the name is
 * not part of the check and the invitee's own becomes the account's name. A customer's login
 * user may be registered without any number (CU-6: 携帯番号 is optional); then the number typed
 * is not part of the check either.
 */
export function identityMatches(claim: IdentityClaim, registered: RegisteredIdentity): boolean {
  const emailOk = claim.email.trim().toLowerCase() === registered.email.toLowerCase();
  const nameOk = bareName(registered.name) === '' || bareName(claim.name) === bareName(registered.name);
  const phoneOk = registered.phone === null || digits(claim.phone) === digits(registered.phone);
  return emailOk && nameOk && phoneOk && digits(claim.phone) !== '';
}
