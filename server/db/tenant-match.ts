/**
 * The operator for `WHERE tenant_id <op> :tenantId` that also matches the operator's own rows,
 * whose tenant is NULL: `.where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)`.
 */
export const tenantIs = (tenantId: string | null): 'is' | '=' => (tenantId === null ? 'is' : '=');
