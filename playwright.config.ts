import { defineConfig } from '@playwright/test';

/** Debian's chromium: Playwright's own browsers cannot be downloaded on our machines. */
export const CHROMIUM = process.env.LIAISON_CHROMIUM ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  outputDir: 'test-results/e2e-artifacts',
  // Measured on a two-core machine shared with other test runs (load 10–15): a host starts in 7–20 s, the
  // five samples are read in 5–10 s, and one axe check of the 2018/19 report in the reader takes 30–45 s.
  // Most tests start a host, load the samples and check two or three screens.
  timeout: 120_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // Two spec files at a time, one per core: each test starts its own host on its own data folder, and a run
  // takes a third less time than one file at a time (the timeouts above allow for the load).
  workers: 2,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
  use: {
    viewport: { width: 1366, height: 860 },
    locale: 'en-GB',
    timezoneId: 'Europe/London',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'browser',
      testMatch: /browser\/.*\.spec\.ts/,
      use: {
        browserName: 'chromium',
        launchOptions: {
          executablePath: CHROMIUM,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--lang=en-GB',
          ],
        },
      },
    },
    { name: 'electron', testMatch: /electron\/.*\.spec\.ts/ },
  ],
});
