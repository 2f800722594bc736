import { useCallback } from 'react';
import { useLoadedSession } from '../api/session.js';
import { defaultTimeZone, formatDateTime } from './dateTime.js';

/** Formats instants in the logged-in user's time zone (Asia/Tokyo otherwise). */
export function useDateTime(): (iso: string | null | undefined) => string {
  const session = useLoadedSession();
  const timeZone = session.user?.timeZone || defaultTimeZone;
  return useCallback((iso) => formatDateTime(iso, timeZone), [timeZone]);
}
