// Helpers every spec uses: log in through the shell's form, reach the API as a demo user, and
// build shell URLs (the shell routes by hash: /tessera/#/parties/12).
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';

/** The server under test (set by run-browser-tests.sh). */
export const BASE_URL = process.env.BASE_URL ?? 'http://localhost:18181';

/** Accessible names the shell keeps (see the UI contract), in English and French. */
export const NAMES = {
  login: /^\s*(Login|Identifiant)\s*$/,
  password: /^\s*(Password|Mot de passe)\s*$/,
  signIn: /^\s*(Sign in|Se connecter)\s*$/,
  mainNavigation: /^\s*(Main|Principal)\s*$/,
  search: /^\s*(Search|Rechercher)\s*$/,
};

/**
 * The shell's URL for a route: shellUrl() is the shell itself, shellUrl('parties/12') (or
 * '/parties/12', '#/parties/12') its 360° page. Relative to baseURL, for page.goto.
 */
export function shellUrl(route = ''): string {
  const path = route.replace(/^#?\/?/, '');
  return path ? `/tessera/#/${path}` : '/tessera/';
}

/**
 * Opens the shell (at route, if given), signs in through its login form and waits for the main
 * navigation, which the shell shows once the user is known.
 */
export async function login(page: Page, user: string, password: string, route = ''): Promise<void> {
  await page.goto(shellUrl(route));
  await page.getByLabel(NAMES.login).fill(user);
  await page.getByLabel(NAMES.password).fill(password);
  await page.getByRole('button', { name: NAMES.signIn }).click();
  await expect(page.getByRole('navigation', { name: NAMES.mainNavigation })).toBeVisible();
}

/**
 * The REST API as a demo user (password = login unless given), for setting up and checking data.
 * Paths are relative to /tessera/api/v1/ and take no leading slash: api.get('parties?q=ber').
 * Dispose of it when done (await api.dispose()).
 */
export async function apiAs(user: string, password: string = user): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: `${BASE_URL}/tessera/api/v1/`,
    extraHTTPHeaders: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64'),
      'X-Requested-With': 'XMLHttpRequest',
    },
  });
}

/**
 * Saves a screenshot for docs/ui.md as docs/ui/<name>.png, only when TESSERA_UI_SCREENSHOTS=1
 * (a documentation run); otherwise does nothing.
 */
export async function docScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.TESSERA_UI_SCREENSHOTS !== '1') {
    return;
  }
  const file = resolve(__dirname, '../../../../docs/ui', `${name}.png`);
  mkdirSync(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage: false });
}
