import { describe, expect, it } from 'vitest';
import { csrfCookie, queryString, readCookie } from './client.js';

describe('readCookie', () => {
  it('finds a cookie among others and decodes it', () => {
    expect(readCookie('a=1; mg_csrf=abc%2Bdef; b=2', 'mg_csrf')).toBe('abc+def');
    expect(readCookie('mg_csrf_old=x', 'mg_csrf')).toBeUndefined();
    expect(readCookie('', 'mg_csrf')).toBeUndefined();
  });

  it('reads the CSRF cookie under its https name or its plain one', () => {
    expect(csrfCookie('a=1; __Host-mg_csrf=secure')).toBe('secure');
    expect(csrfCookie('mg_csrf=plain')).toBe('plain');
    expect(csrfCookie('a=1')).toBeUndefined();
  });
});

describe('queryString', () => {
  it('leaves out empty values', () => {
    expect(queryString({ page: 2, q: '', sort: 'name', x: undefined })).toBe('?page=2&sort=name');
    expect(queryString({ q: '' })).toBe('');
  });

  it('encodes Japanese search terms', () => {
    expect(queryString({ q: 'デモ 販売' })).toBe(
      `?q=${encodeURIComponent('デモ').replace(/%20/g, '+')}+${encodeURIComponent('販売')}`,
    );
  });
});
