import { describe, expect, it } from 'vitest';
import { newToken } from '../tokens.js';
import { redactLinks } from './redact.js';

describe('redactLinks', () => {
  it('takes the token out of every link to the portal and leaves everything else', () => {
    const a = newToken().token;
    const b = newToken().token;
    const body = [
      `登録: https://portal.example.jp/invitations/${a}`,
      `再設定: https://portal.example.jp/password-reset/${b}。`,
      'ログイン: https://portal.example.jp/login',
      `他サイト: https://other.example.jp/x/${a}`,
    ].join('\n');
    expect(redactLinks(body, 'https://portal.example.jp')).toBe(
      [
        '登録: https://portal.example.jp/invitations/[redacted]',
        '再設定: https://portal.example.jp/password-reset/[redacted]。',
        'ログイン: https://portal.example.jp/login',
        `他サイト: https://other.example.jp/x/${a}`,
      ].join('\n'),
    );
  });
});
