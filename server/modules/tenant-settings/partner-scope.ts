import type { Scope } from '../../platform/auth/scope.js';
import { notFound } from '../../platform/errors.js';

/** The partner tenant of a partner route (its access rule `{ kind: 'partner' }` guarantees one). */
export function partnerScope(scope: Scope): Scope & { tenantId: string } {
  if (scope.kind !== 'partner' || !scope.tenantId) throw notFound();
  return scope as Scope & { tenantId: string };
}
