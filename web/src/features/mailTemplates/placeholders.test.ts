import { describe, expect, it } from 'vitest';
import { insertToken, placeholderToken } from './placeholders.js';

describe('placeholderToken', () => {
  it('puts the name between double braces once', () => {
    expect(placeholderToken('CompanyName')).toBe('{{CompanyName}}');
    expect(placeholderToken('{{CompanyName}}')).toBe('{{CompanyName}}');
  });
});

describe('insertToken', () => {
  it('appends without a selection', () => {
    expect(insertToken('申請番号: ', '{{ApplicationNumber}}', null)).toEqual({
      text: '申請番号: {{ApplicationNumber}}',
      caret: 27,
    });
  });

  it('inserts at the caret', () => {
    expect(insertToken('ab', '{{X}}', { start: 1, end: 1 })).toEqual({ text: 'a{{X}}b', caret: 6 });
  });

  it('replaces the selected text', () => {
    expect(insertToken('a selected b', '{{X}}', { start: 2, end: 10 })).toEqual({
      text: 'a {{X}} b',
      caret: 7,
    });
  });

  it('keeps a stale selection inside the text', () => {
    expect(insertToken('ab', '{{X}}', { start: 9, end: 12 })).toEqual({ text: 'ab{{X}}', caret: 7 });
    expect(insertToken('abc', '{{X}}', { start: 2, end: 1 })).toEqual({ text: 'ab{{X}}c', caret: 7 });
  });
});
