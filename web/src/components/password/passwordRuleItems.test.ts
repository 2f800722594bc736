import { describe, expect, it } from 'vitest';
import { nistPolicy, standardPolicy } from '../../../../common/password-policy.js';
import { passwordRuleItems } from './passwordRuleItems.js';

const states = (items: ReturnType<typeof passwordRuleItems>) =>
  Object.fromEntries(items.map((i) => [i.rule, i.state]));

describe('passwordRuleItems', () => {
  it('lists the manual rule and leaves them unchecked before typing', () => {
    const items = passwordRuleItems('', standardPolicy, {}, 'ja');
    expect(items.map((i) => i.text)).toEqual([
      '12文字以上128文字以下',
      '英小文字を含む',
      '英大文字を含む',
      '数字を含む',
      '記号を含む',
      '使用できる文字は半角英数字と記号のみ',
      'ユーザー名・メールアドレスの一部を含まない',
      '過去4回までに使用したパスワードではない',
      'よく使われるパスワードではない',
    ]);
    expect(new Set(items.map((i) => i.state))).toEqual(new Set(['pending']));
  });

  it('checks each rule while typing, including the user name', () => {
    const items = passwordRuleItems('yamada-Passw0rd', standardPolicy, { email: 'yamada@example.com' }, 'en');
    expect(states(items)).toMatchObject({
      length: 'ok',
      lower: 'ok',
      upper: 'ok',
      digit: 'ok',
      symbol: 'ok',
      notUserName: 'failed',
      notRecent: 'pending',
    });
  });

  it('marks the rules only the server knows when it names them', () => {
    const items = passwordRuleItems('x', nistPolicy, {}, 'ja', ['よく使われるパスワードではない']);
    expect(states(items)).toMatchObject({ length: 'failed', notCommon: 'failed' });
    expect(items.some((i) => i.rule === 'notRecent')).toBe(false);
  });
});
