import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';

/** Every migration, in order; listed statically so bundlers and tsx need no directory scan. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
};
