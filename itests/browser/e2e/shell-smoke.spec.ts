// The harness itself: the distribution serves the shell in Chromium, / leads to it, and the API
// answers the shell's scripts without making the browser pop its own login dialog.
import { expect, request, test } from '@playwright/test';
import { apiAs, BASE_URL, NAMES, shellUrl } from './support/session';

test('the shell loads at /tessera/ with its login form', async ({ page }) => {
  const response = await page.goto(shellUrl());
  expect(response?.status()).toBe(200);
  expect(response?.headers()['cache-control']).toBe('no-cache');
  await expect(page.getByLabel(NAMES.login)).toBeVisible();
  await expect(page.getByLabel(NAMES.password)).toBeVisible();
  await expect(page.getByRole('button', { name: NAMES.signIn })).toBeVisible();
});

test('/ redirects to the shell', async ({ page, request: http }) => {
  const redirect = await http.get('/', { maxRedirects: 0 });
  expect(redirect.status()).toBe(302);
  expect(redirect.headers()['location']).toMatch(/\/tessera\/$/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/tessera\/(#.*)?$/);
});

test('a script of the page is challenged for a bearer token only', async () => {
  const anonymous = await request.newContext({ baseURL: `${BASE_URL}/tessera/api/v1/` });
  const refused = await anonymous.get('auth/me', { headers: { 'X-Requested-With': 'XMLHttpRequest' } });
  expect(refused.status()).toBe(401);
  expect(refused.headers()['www-authenticate']).toBe('Bearer realm="tessera"');
  await anonymous.dispose();
});

test('apiAs reaches the API as a demo user, with the module UIs it may see', async () => {
  const api = await apiAs('admin');
  const me = await api.get('auth/me');
  expect(me.ok()).toBeTruthy();
  expect((await me.json()).login).toBe('admin');
  const extensions = await api.get('ui/extensions');
  expect(extensions.ok()).toBeTruthy();
  expect(Array.isArray((await extensions.json()).items)).toBeTruthy();
  await api.dispose();
});
