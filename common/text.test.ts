import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { customerBody } from './customers.js';
import { createTenantBody, text } from './schemas.js';

const refusedEverywhere = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u0001',
  '\u001b',
  '\u001f',
  '\u007f',
  '\u0080',
  '\u009f',
];

describe('text(): the one string schema of every request field', () => {
  it.each(refusedEverywhere.map((c) => [`U+${c.charCodeAt(0).toString(16).padStart(4, '0')}`, c]))(
    '%s is refused in a single-line and a multi-line field, with the one message',
    (_name, c) => {
      for (const schema of [text(), text({ multiline: true })]) {
        const result = schema.safeParse(`a${c}b`);
        expect(result.error?.issues.map((i) => i.message)).toEqual(['validation.controlCharacter']);
      }
    },
  );

  it('tab, LF and CR only in a multi-line field', () => {
    for (const c of ['\t', '\n', '\r']) {
      expect(text().safeParse(`a${c}b`).success).toBe(false);
      expect(text({ multiline: true }).safeParse(`a${c}b`).success).toBe(true);
    }
  });

  it('any other text, emoji (a surrogate pair) and full-width space included, passes', () => {
    expect(text().safeParse('日本語　テキスト😀 ÄÖ').success).toBe(true);
  });

  it('the rule comes first and alone: a refused value gets no other message', () => {
    const result = createTenantBody.safeParse({ name: '\u0000' });
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ path: ['name'], message: 'validation.controlCharacter' }),
    ]);
  });

  it('the customer memos are multi-line, the name is not', () => {
    const form = {
      name: '検証',
      contactFamilyName: '日電',
      contactGivenName: '太郎',
      email: 'a@example.jp',
      postalCode: '7330001',
      prefecture: '広島県',
      address: '広島市',
      phone: '0821234567',
    };
    expect(customerBody.safeParse({ ...form, memo1: 'a\nb' }).success).toBe(true);
    expect(customerBody.safeParse({ ...form, name: 'a\nb' }).success).toBe(false);
  });

  it('no shared request schema starts from a bare z.string(): every field goes through text()', () => {
    const dir = import.meta.dirname;
    // Answers (`const …Schema = …;`, common/contracts.ts) are what the server writes, never parsed
    // from a request: their strings are plain.
    const answers = /^(?:export )?const \w+Schema = (?:.*;$|[\s\S]*?^\S.*;$)/gm;
    const offenders = readdirSync(dir)
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) => {
        const source = readFileSync(path.join(dir, f), 'utf8').replace(answers, '');
        const bare = source.match(/z\s*\.string\(/g) ?? [];
        // schemas.ts holds text() itself: its one z.string.
        return bare.length > (f === 'schemas.ts' ? 1 : 0) ? [f] : [];
      });
    expect(offenders).toEqual([]);
  });
});
