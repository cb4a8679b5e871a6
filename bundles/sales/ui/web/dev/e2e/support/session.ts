// The helpers of itests/browser/e2e/support/session.ts, with the same signatures, for running the
// sales specs against the dev page (dev/index.html) before they run in the real shell: the dev page
// keeps the shell's names for the login form and the main navigation, and routes by hash at its root.
import { expect, request, type APIRequestContext, type Page } from '@playwright/test';

/** The distribution the dev page's proxy talks to. */
const API_URL = process.env.TESSERA_API ?? 'http://localhost:18401';

export function shellUrl(route = ''): string {
  const path = route.replace(/^#?\/?/, '');
  return path ? `/#/${path}` : '/';
}

export async function login(page: Page, user: string, password: string, route = ''): Promise<void> {
  await page.goto(shellUrl(route));
  await page.getByLabel('Login').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
}

export async function apiAs(user: string, password: string = user): Promise<APIRequestContext> {
  return request.newContext({
    baseURL: `${API_URL}/tessera/api/v1/`,
    extraHTTPHeaders: {
      Authorization: 'Basic ' + Buffer.from(`${user}:${password}`, 'utf8').toString('base64'),
      'X-Requested-With': 'XMLHttpRequest',
    },
  });
}

/** Docs screenshots come from the real shell only. */
export async function docScreenshot(_page: Page, _name: string): Promise<void> {}
