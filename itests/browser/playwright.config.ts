// Playwright on the real distribution, in Debian's Chromium (never a downloaded browser): see
// run-browser-tests.sh, which starts the server, sets BASE_URL and CHROMIUM_PATH, and runs this.
import { execSync } from 'node:child_process';
import { defineConfig, devices } from '@playwright/test';

/** Debian's Chromium: CHROMIUM_PATH, or what `command -v chromium` finds. */
function chromiumPath(): string {
  if (process.env.CHROMIUM_PATH) {
    return process.env.CHROMIUM_PATH;
  }
  try {
    return execSync('command -v chromium', { shell: '/bin/sh', encoding: 'utf8' }).trim();
  } catch {
    throw new Error('No Chromium: set CHROMIUM_PATH or install Debian\'s chromium package (run-browser-tests.sh does it)');
  }
}

/** Headless in a sandbox-less container; without the background-networking flags Chromium calls out and is refused. */
const CHROMIUM_FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export default defineConfig({
  testDir: './e2e',
  outputDir: './target/test-results',
  // one server, one set of demo data: the scenarios run one after the other
  workers: 1,
  fullyParallel: false,
  retries: 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    ['junit', { outputFile: 'target/playwright-junit.xml' }],
    ['html', { outputFolder: 'target/playwright-report', open: 'never' }],
  ],
  use: {
    baseURL: process.env.BASE_URL ?? 'http://localhost:18181',
    locale: 'en-US',
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
    video: 'off',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_FLAGS },
      },
    },
  ],
});
