import { describe, expect, it } from 'vitest';
import { passwordResetBody } from '../../../../common/passwords.js';
import { createTenantBody, loginBody } from '../../../../common/schemas.js';
import {
  issuesToFieldErrors,
  messagesForField,
  serverFieldErrors,
  translateFieldErrors,
  translateFieldMessage,
} from './fieldErrors.js';

function issuesOf(result: {
  success: boolean;
  error?: { issues: { path: PropertyKey[]; message: string }[] };
}) {
  if (result.success || !result.error) throw new Error('expected a failed parse');
  return result.error.issues;
}

describe('issuesToFieldErrors', () => {
  it('reports every missing login field under its name with the message key', () => {
    const issues = issuesOf(loginBody.safeParse({ email: '', password: '' }));
    expect(issuesToFieldErrors(issues)).toEqual([
      { name: ['email'], errors: ['validation.required'] },
      { name: ['password'], errors: ['validation.required'] },
    ]);
  });

  it('reports a malformed e-mail and a too-long tenant name', () => {
    expect(issuesToFieldErrors(issuesOf(loginBody.safeParse({ email: 'nope', password: 'x' })))).toEqual([
      { name: ['email'], errors: ['validation.email'] },
    ]);
    expect(issuesToFieldErrors(issuesOf(createTenantBody.safeParse({ name: 'あ'.repeat(41) })))).toEqual([
      { name: ['name'], errors: ['validation.tooLong'] },
    ]);
  });

  it('puts the password mismatch on the confirmation field', () => {
    const issues = issuesOf(passwordResetBody.safeParse({ password: 'a'.repeat(12), passwordConfirm: 'b' }));
    expect(issuesToFieldErrors(issues)).toEqual([
      { name: ['passwordConfirm'], errors: ['validation.passwordMismatch'] },
    ]);
    expect(messagesForField(issues, 'passwordConfirm')).toEqual(['validation.passwordMismatch']);
    expect(messagesForField(issues, 'password')).toEqual([]);
  });

  it('leaves out whole-object issues and merges duplicates', () => {
    expect(
      issuesToFieldErrors([
        { path: [], message: 'validation.unknownField' },
        { path: ['a', 0], message: 'x' },
        { path: ['a', 0], message: 'x' },
        { path: ['a', 0], message: 'y' },
      ]),
    ).toEqual([{ name: ['a', 0], errors: ['x', 'y'] }]);
  });
});

describe('serverFieldErrors', () => {
  it('splits dotted names and drops empty lists', () => {
    expect(serverFieldErrors({ email: ['already invited'], 'lines.2.price': ['bad'], name: [] })).toEqual([
      { name: ['email'], errors: ['already invited'] },
      { name: ['lines', 2, 'price'], errors: ['bad'] },
    ]);
    expect(serverFieldErrors(undefined)).toEqual([]);
  });
});

describe('translateFieldErrors', () => {
  it('translates keys and passes other texts through', () => {
    const table: Record<string, string> = { 'validation.required': '入力してください。' };
    const t = (key: string) => table[key] ?? key;
    expect(
      translateFieldErrors([{ name: ['email'], errors: ['validation.required', '登録済みです。'] }], t),
    ).toEqual([{ name: ['email'], errors: ['入力してください。', '登録済みです。'] }]);
  });
});

describe('translateFieldMessage', () => {
  it('fills {value} from a message carrying its argument (unknown placeholder named)', () => {
    const table: Record<string, string> = {
      'validation.unknownPlaceholder': '使用できない差し込み文字です: {value}',
    };
    const t = (key: string) => table[key] ?? key;
    expect(translateFieldMessage('validation.unknownPlaceholder:{{Foo}}', t)).toBe(
      '使用できない差し込み文字です: {{Foo}}',
    );
    // A server text that happens to hold a colon passes through.
    expect(translateFieldMessage('使用できない差し込み文字です: {{Foo}}', t)).toBe(
      '使用できない差し込み文字です: {{Foo}}',
    );
  });
});
