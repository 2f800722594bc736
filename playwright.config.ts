import { defineConfig, devices } from '@playwright/test';

const port = 3100;
// localhost, not 127.0.0.1: WebAuthn refuses IP addresses as relying-party IDs (passkey tests)
const baseURL = `http://localhost:${port}`;

/**
 * Browser tests against the real server (embedded PostgreSQL, demo data, built-in mailbox) and
 * the built web app in dist/web (`npm run build:web` first; `npm test` does).
 */
export default defineConfig({
  testDir: 'tests/e2e',
  workers: 1,
  fullyParallel: false,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL,
    locale: 'ja-JP',
    // the app turns antd animations off then: no clicks on half-open dialogs
    reducedMotion: 'reduce',
    timezoneId: 'Asia/Tokyo',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
  ],
  webServer: {
    // many logins (lockout, several users) in little time: the per-minute login limit is raised here
    command: `rm -rf .data/e2e && DATA_DIR=.data/e2e PORT=${port} PUBLIC_URL=${baseURL} DEMO_PASSWORD=Demo-Passw0rd! LOGIN_RATE_LIMIT_PER_MINUTE=600 node --import tsx server/main.ts`,
    // SIGTERM lets the server stop its embedded PostgreSQL cleanly.
    gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 },
    url: `http://127.0.0.1:${port}/readyz`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
