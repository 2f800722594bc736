import dayjs from 'dayjs';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);

export const defaultTimeZone = 'Asia/Tokyo';

/** Formats an ISO 8601 instant in the user's time zone (`YYYY-MM-DD HH:mm`). */
export function formatDateTime(iso: string | null | undefined, timeZone: string = defaultTimeZone): string {
  if (!iso) return '';
  const value = dayjs(iso);
  if (!value.isValid()) return '';
  try {
    return value.tz(timeZone).format('YYYY-MM-DD HH:mm');
  } catch {
    return value.tz(defaultTimeZone).format('YYYY-MM-DD HH:mm');
  }
}
