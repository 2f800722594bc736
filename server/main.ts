import { buildApp } from './app.js';
import { ConfigError, checkStartConfig, loadConfig } from './config.js';
import { widenRowScope } from './db/row-scope.js';
import { demoLogins, demoPassword, seedDemo } from './db/seed-demo.js';
import { closeTlsListener, startTlsListener } from './modules/certificates/tls-listener.js';
import { createLogger } from './platform/logger.js';
import { startRuntime } from './runtime.js';

/** Process entry: config → database → app → listen; graceful shutdown on SIGTERM / SIGINT. */
async function main() {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
    checkStartConfig(config);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  const runtime = await startRuntime(config, log);
  let password: string | undefined;
  if (config.demo) {
    password = demoPassword(config.dataDir, config.demoPassword);
    const demo = password;
    await widenRowScope('demo seed', () => seedDemo(runtime.deps.db, runtime.deps.clock, demo));
  }

  let shuttingDown = false;
  const app = await buildApp(runtime.deps, { isShuttingDown: () => shuttingDown });
  // The HTTPS listener first: once /readyz answers, both listeners take requests.
  const tls =
    config.certificates.httpsPort === undefined ? undefined : await startTlsListener(app, runtime.deps);
  await app.listen({ host: config.host, port: config.port });

  const lines = [
    '',
    `  Madoguchi is running at ${config.publicUrl}`,
    `  API docs: ${config.publicUrl}/api/docs`,
  ];
  if (tls)
    lines.push(`  Mutual TLS (client certificates): https://${config.host}:${config.certificates.httpsPort}`);
  if (config.mailboxEnabled)
    lines.push(
      `  Mailbox (every mail and SMS): ${config.publicUrl}/mailbox`,
      '    public: anyone who can reach this address reads every mail and follows its links',
    );
  if (password) {
    lines.push('  Demo logins (password for all):', `    password: ${password}`);
    for (const l of demoLogins) lines.push(`    ${l.email.padEnd(30)} ${l.label}`);
  }
  console.log(`${lines.join('\n')}\n`);

  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    log.info({ signal }, 'shutting down');
    const force = setTimeout(
      () => {
        log.error('shutdown took too long; exiting');
        process.exit(1);
      },
      config.shutdownGraceSeconds * 1000 + 15000,
    );
    force.unref();
    // Drain: /readyz answers 503 so the load balancer stops sending, while the listeners keep
    // serving whatever still arrives; only then close them.
    await new Promise((r) => setTimeout(r, config.shutdownGraceSeconds * 1000));
    if (tls) await closeTlsListener(tls);
    await app.close(); // lets in-flight requests finish
    await runtime.stop(); // workers, pool, then embedded PostgreSQL
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
