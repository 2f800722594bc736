import { describe, expect, it } from 'vitest';
import { checkPasswordRules, nistPolicy, standardPolicy, strictestPolicy } from './password-policy.js';

const failed = (pw: string, policy = standardPolicy, ctx = {}) =>
  checkPasswordRules(pw, policy, ctx)
    .filter((r) => !r.ok)
    .map((r) => r.rule);

describe('password rules (standard profile, the manual)', () => {
  it('accepts 12 characters with all four classes', () => expect(failed('Abcdefgh12#x')).toEqual([]));
  it('names each missing class', () => {
    expect(failed('abcdefghijkl')).toEqual(['upper', 'digit', 'symbol']);
    expect(failed('ABCDEFGH1234!')).toEqual(['lower']);
  });
  it('11 characters is one too few', () => expect(failed('Abcdefg12#x')).toEqual(['length']));
  it('allows 128 characters without truncation and refuses 129', () => {
    const base = 'Aa1!';
    expect(failed(base + 'x'.repeat(124))).toEqual([]);
    expect(failed(base + 'x'.repeat(125))).toEqual(['length']);
  });
  it('refuses characters outside the allowed set (full-width, spaces)', () => {
    expect(failed('Abcdefgh12#ｘ')).toEqual(['charset']);
    expect(failed('Abcdefgh12# x')).toEqual(['charset']);
  });
  it('accepts the yen sign and backslash as symbols', () => {
    expect(failed('Abcdefgh12¥x')).toEqual([]);
    expect(failed('Abcdefgh12\\x')).toEqual([]);
  });
  it('refuses the e-mail local part or a name part, case-insensitively', () => {
    expect(failed('Xx-TARO.yamada-9', standardPolicy, { email: 'taro.yamada@example.jp' })).toEqual([
      'notUserName',
    ]);
    expect(failed('Yamada#2024xyz', standardPolicy, { name: 'YAMADA Taro' })).toEqual(['notUserName']);
  });
});

describe('password rules (NIST profile)', () => {
  it('needs 15 characters without MFA and 8 with, and no composition', () => {
    expect(failed('correct horse b', nistPolicy)).toEqual([]);
    expect(failed('correct horse', nistPolicy)).toEqual(['length']);
    expect(failed('correct!', nistPolicy, { hasMfa: true })).toEqual([]);
  });
  it('allows any character, including Japanese and spaces', () =>
    expect(failed('これは とても長い合言葉です。', { ...nistPolicy, minLength: 10 })).toEqual([]));
});

describe('several organisations', () => {
  it('take the strictest of each rule', () => {
    expect(strictestPolicy([nistPolicy, standardPolicy])).toEqual({ ...standardPolicy, minLength: 15 });
    expect(strictestPolicy([])).toEqual(standardPolicy);
  });
});
