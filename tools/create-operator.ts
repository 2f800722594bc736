import { parseArgs } from 'node:util';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../server/config.js';
import { ensureOperatorOrganization } from '../server/db/operator-organization.js';
import { widenRowScope } from '../server/db/row-scope.js';
import { createInvitation } from '../server/modules/invitations/create-invitation.js';
import { createLogger } from '../server/platform/logger.js';
import { startRuntime } from '../server/runtime.js';

/**
 * `npm run create-operator -- --email X`: invites the first operator admin of an installation and
 * prints the one-time set-password link (also mailed when SMTP is configured).
 */
async function main() {
  const { values } = parseArgs({ options: { email: { type: 'string' } } });
  const email = z.email().max(255).safeParse(values.email?.trim());
  if (!email.success) {
    console.error('usage: npm run create-operator -- --email admin@example.com');
    process.exit(2);
  }
  const config = loadConfig();
  const log = createLogger('warn', false);
  const runtime = await startRuntime(config, log, { worker: Boolean(config.smtpUrl) });
  try {
    const { db, clock } = runtime.deps;
    const invitation = await widenRowScope('create operator', () =>
      db.transaction().execute(async (trx) => {
        const operator = await ensureOperatorOrganization(trx, clock);
        return createInvitation(trx, runtime.deps, {
          organization: { id: operator.id, code: operator.code, name: operator.name, tenantId: null },
          email: email.data,
          role: 'operator_admin',
          invitedBy: null,
          ip: null,
        });
      }),
    );
    console.log(`Operator admin invited: ${invitation.email}`);
    console.log(`Set the password within 7 days at:\n  ${invitation.url}`);
  } finally {
    await runtime.stop();
  }
}

main().catch((err) => {
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
