// Debian's Chromium, launched the way the whole project launches it: never a downloaded browser.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

// Without the background-networking flags Chromium's own connections to the outside are refused
// many at a time on this machine kind and disturb the timings (shared/STACK.md).
export const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-default-apps', '--mute-audio',
];

export function chromiumPath() {
  const path = process.env.CHROMIUM_PATH || process.env.CHROME_PATH;
  if (!path) {
    throw new Error('CHROMIUM_PATH is not set (bench/run.sh sets it to `command -v chromium`)');
  }
  return path;
}

/** A headless Chromium driven by Playwright, with a profile of its own removed on close. */
export async function launchPlaywright() {
  const profile = mkdtempSync(join(tmpdir(), 'tessera-bench-ui-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: CHROMIUM_FLAGS,
    locale: 'en-US',
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Signs in through the shell's own form (its labels are fixed by docs: ui-contract "Stable test hooks")
 * and waits for the global search box, the sign that the shell is ready for a user.
 */
export async function signIn(page, baseUrl, login, password) {
  await page.goto(`${baseUrl}/tessera/`);
  await page.getByLabel('Login', { exact: true }).fill(login);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('combobox', { name: 'Search' }).waitFor({ state: 'visible', timeout: 30_000 });
}

/** A bearer token of the API, as the shell gets one: POST /v1/auth/token with HTTP Basic. */
export async function apiToken(baseUrl, login, password) {
  const response = await fetch(`${baseUrl}/tessera/api/v1/auth/token`, {
    method: 'POST',
    headers: {
      authorization: 'Basic ' + Buffer.from(`${login}:${password}`).toString('base64'),
      'x-requested-with': 'XMLHttpRequest',
    },
  });
  if (response.status !== 200) {
    throw new Error(`POST /v1/auth/token: ${response.status} ${await response.text()}`);
  }
  return (await response.json()).access_token;
}
