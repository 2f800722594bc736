import { describe, expect, it } from 'vitest';
import { formatDateTime } from './dateTime.js';

describe('formatDateTime', () => {
  it('shows UTC instants in Tokyo time by default', () => {
    expect(formatDateTime('2025-03-31T15:30:00.000Z')).toBe('2025-04-01 00:30');
  });

  it('uses the given time zone', () => {
    expect(formatDateTime('2025-01-15T12:00:00Z', 'Europe/London')).toBe('2025-01-15 12:00');
    expect(formatDateTime('2025-07-15T12:00:00Z', 'America/New_York')).toBe('2025-07-15 08:00');
  });

  it('falls back to Tokyo for an unknown zone and shows nothing for missing values', () => {
    expect(formatDateTime('2025-03-31T15:30:00Z', 'Mars/Olympus')).toBe('2025-04-01 00:30');
    expect(formatDateTime(undefined)).toBe('');
    expect(formatDateTime('not a date')).toBe('');
  });
});
