/**
 * The operator for `WHERE tenant_id <op> :tenantId` that also matches the operator's own rows,
 * whose tenant is NULL: `.where('tenant_id', tenantIs(scope.tenantId), scope.tenantId)`.
 */
export const tenantIs = (tenantId: string | null): 'is' | '=' => (tenantId === null ? 'is' : '=');

/** An organisation and its tenant (null: the operator's own organisation): what a statement over its rows carries in its WHERE. */
export type OrganizationScope = { organizationId: string; tenantId: string | null };
