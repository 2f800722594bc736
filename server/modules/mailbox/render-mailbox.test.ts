import { describe, expect, it } from 'vitest';
import { linkify } from './render-mailbox.js';

describe('linkify', () => {
  it('ends a link at the first character that cannot be part of a URL', () => {
    expect(linkify('http://portal.test/invitations/abc_DEF-123からご登録ください。')).toBe(
      '<a href="http://portal.test/invitations/abc_DEF-123">http://portal.test/invitations/abc_DEF-123</a>からご登録ください。',
    );
    expect(linkify('「https://portal.test/login」')).toBe(
      '「<a href="https://portal.test/login">https://portal.test/login</a>」',
    );
    expect(linkify('URL: https://portal.test/a?b=1&c=2\n次の行')).toBe(
      'URL: <a href="https://portal.test/a?b=1&amp;c=2">https://portal.test/a?b=1&amp;c=2</a>\n次の行',
    );
    expect(linkify('https://portal.test/x　全角空白')).toBe(
      '<a href="https://portal.test/x">https://portal.test/x</a>　全角空白',
    );
  });

  it('escapes the text around and inside links', () => {
    expect(linkify('<b>http://portal.test/"><script></b>')).toBe(
      '&lt;b&gt;<a href="http://portal.test/&quot;&gt;&lt;script&gt;&lt;/b&gt;">http://portal.test/&quot;&gt;&lt;script&gt;&lt;/b&gt;</a>',
    );
  });
});
