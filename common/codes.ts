/** Human-readable codes people see instead of internal ids (SPEC §1). */
export const formatTenantCode = (n: number | bigint) => `T${String(n).padStart(7, '0')}`;
export const formatCustomerCode = (n: number | bigint) => `A${String(n).padStart(8, '0')}`;
