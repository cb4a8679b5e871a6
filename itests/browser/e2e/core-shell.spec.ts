import { expect, test } from '@playwright/test';
import { docScreenshot, login, NAMES, shellUrl } from './support/session';

test('an agent signs in, sees who and where they are, switches to French and signs out', async ({ page }) => {
  await page.goto(shellUrl());
  await docScreenshot(page, 'login');
  await page.getByLabel(NAMES.login).fill('mdupont');
  await page.getByLabel(NAMES.password).fill('wrong');
  await page.getByRole('button', { name: NAMES.signIn }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong login or password');

  await page.getByLabel(NAMES.password).fill('mdupont');
  await page.getByRole('button', { name: NAMES.signIn }).click();
  const nav = page.getByRole('navigation', { name: NAMES.mainNavigation });
  await expect(nav).toBeVisible();
  const user = page.getByTestId('current-user');
  await expect(user).toContainText('Marie Dupont');
  await expect(user).toContainText('agent');
  await expect(user).toContainText('Agence Paris Opéra');
  // an agent has no module manager
  await expect(nav.getByRole('link', { name: 'Modules' })).toHaveCount(0);

  await page.getByRole('combobox', { name: 'Language' }).selectOption('fr');
  await expect(page.getByRole('navigation', { name: 'Principal' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'Rechercher' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Tiers', level: 1 })).toBeVisible();
  // the choice survives a reload, and so does the session of the tab
  await page.reload();
  await expect(page.getByRole('navigation', { name: 'Principal' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Langue' }).selectOption('en');

  await page.keyboard.press('/');
  await expect(page.getByRole('combobox', { name: NAMES.search })).toBeFocused();

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByLabel(NAMES.login)).toBeVisible();
});

test('the advanced search keeps its filters in the URL and pages with "More"', async ({ page }) => {
  await login(page, 'admin', 'admin', 'parties?type=PERSON&classification=CUSTOMER');
  await expect(page.getByLabel('Type')).toHaveValue('PERSON');
  await expect(page.getByLabel('Classifications')).toHaveValue('CUSTOMER');
  const rows = page.getByRole('table', { name: 'Parties found' }).locator('tbody tr');
  await expect(rows).toHaveCount(25);
  await docScreenshot(page, 'parties');
  await page.getByRole('button', { name: 'More' }).click();
  await expect.poll(() => rows.count()).toBeGreaterThan(25);

  await page.getByLabel('Name, email or phone').fill('bérard');
  await page.getByRole('button', { name: 'Search', exact: true }).click();
  await expect(page).toHaveURL(/q=b%C3%A9rard/);
  await expect(rows.first()).toContainText('Bérard');
  await page.getByRole('button', { name: 'Sort by creation' }).click();
  await expect(page).toHaveURL(/sort=ID/);
});
