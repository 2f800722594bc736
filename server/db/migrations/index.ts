import type { Migration } from 'kysely';
import * as m0001 from './0001_foundation.js';
import * as m0002 from './0002_accounts.js';
import * as m0003 from './0003_mfa.js';
import * as m0004 from './0004_certificates.js';
import * as m0005 from './0005_passkeys.js';
import * as m0006 from './0006_partner_portal.js';
import * as m0007 from './0007_account_ownership.js';
import * as m0008 from './0008_certificate_sessions.js';
import * as m0010 from './0010_login_rate_limits.js';
import * as m0011 from './0011_row_level_security.js';
import * as m0012 from './0012_session_change_signal.js';
import * as m0013 from './0013_customer_name_grams.js';
import * as m0014 from './0014_unlogged_rate_limits.js';

/** Every migration, in order; listed statically so bundlers and tsx need no directory scan. */
export const migrations: Record<string, Migration> = {
  '0001_foundation': m0001,
  '0002_accounts': m0002,
  '0003_mfa': m0003,
  '0004_certificates': m0004,
  '0005_passkeys': m0005,
  '0006_partner_portal': m0006,
  '0007_account_ownership': m0007,
  '0008_certificate_sessions': m0008,
  '0010_login_rate_limits': m0010,
  '0011_row_level_security': m0011,
  '0012_session_change_signal': m0012,
  '0013_customer_name_grams': m0013,
  '0014_unlogged_rate_limits': m0014,
};
