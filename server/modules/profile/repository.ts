import type { Db } from '../../db/pool.js';

/** The signed-in user's own profile (アカウント設定). */
export const readProfile = (db: Db, userId: string) =>
  db
    .selectFrom('users')
    .select(['email', 'name', 'title', 'phone', 'mobile', 'locale', 'time_zone as timeZone'])
    .where('id', '=', userId)
    .executeTakeFirstOrThrow();
