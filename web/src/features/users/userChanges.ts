import type { UserDetail } from '../../api/types.js';

/** The edit form's starting values for a user. */
export function editValuesOf(user: UserDetail): Record<string, unknown> {
  return {
    name: user.name,
    title: user.title ?? '',
    phone: user.phone ?? '',
    mobile: user.mobile ?? '',
    locale: user.locale,
    timeZone: user.timeZone,
    role: user.role,
    groupIds: user.groups.map((g) => g.id),
    comment: user.comment ?? '',
  };
}

const same = (a: unknown, b: unknown) => {
  const norm = (v: unknown) => (Array.isArray(v) ? [...v].sort() : v);
  return JSON.stringify(norm(a)) === JSON.stringify(norm(b));
};

/** Only the fields that differ from the stored user go into the PATCH (nothing changed → `{}`). */
export function changedFields(user: UserDetail, values: Record<string, unknown>): Record<string, unknown> {
  const original = editValuesOf(user);
  return Object.fromEntries(Object.entries(values).filter(([key, value]) => !same(value, original[key])));
}
