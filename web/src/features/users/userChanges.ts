import type { UserDetail } from '../../../../common/users.js';

/** The form's value for 「指定なし」 (the request's null: the user chooses, within the policy). */
export const noMfaMethod = 'none';

/** A new user's values: 「指定なし」 is simply left out. */
export function newUserValues(values: Record<string, unknown>): Record<string, unknown> {
  const { mfaMethod, ...rest } = values;
  return mfaMethod === undefined || mfaMethod === noMfaMethod ? rest : { ...rest, mfaMethod };
}

/** The form's 第2段階認証方式 as the request wants it. */
export function withMfaMethod(values: Record<string, unknown>): Record<string, unknown> {
  if (!('mfaMethod' in values)) return values;
  return { ...values, mfaMethod: values.mfaMethod === noMfaMethod ? null : values.mfaMethod };
}

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
    mfaMethod: user.mfaMethod ?? noMfaMethod,
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
  return withMfaMethod(
    Object.fromEntries(Object.entries(values).filter(([key, value]) => !same(value, original[key]))),
  );
}
