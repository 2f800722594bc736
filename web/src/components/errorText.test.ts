import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client.js';
import { errorText } from './errorText.js';

const table: Record<string, string> = {
  'error.not_found': '対象が見つかりません。',
  'error.internal': 'システムエラーが発生しました。',
  'common.networkError': '接続できません。',
};
const t = (key: string) => table[key] ?? key;

describe('errorText', () => {
  it('prefers the server message', () => {
    expect(errorText(new ApiError(401, { code: 'invalid_credentials', message: '違います。' }), t)).toBe(
      '違います。',
    );
  });

  it('adds problems of the request as a whole', () => {
    const error = new ApiError(400, {
      code: 'validation',
      message: '入力内容に誤りがあります。',
      fields: { _: ['リクエストの形式が正しくありません。'], email: ['x'] },
    });
    expect(errorText(error, t)).toBe('入力内容に誤りがあります。 リクエストの形式が正しくありません。');
  });

  it('translates the code when the server sent no message', () => {
    expect(errorText(new ApiError(404, { code: 'not_found', message: '' }), t)).toBe(
      '対象が見つかりません。',
    );
    expect(errorText(new ApiError(0, { code: 'network', message: '' }), t)).toBe('接続できません。');
  });

  it('falls back to a generic error', () => {
    expect(errorText(new ApiError(500, { code: 'weird', message: '' }), t)).toBe(
      'システムエラーが発生しました。',
    );
    expect(errorText(new Error('boom'), t)).toBe('システムエラーが発生しました。');
  });
});
