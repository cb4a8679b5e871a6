import { expect, test } from '@playwright/test';
import { apiAs, login, NAMES, shellUrl } from './support/session';

test('an agent of Lille does not find Jean-François Bérard, a party of the Paris agency', async ({ page }) => {
  const admin = await apiAs('admin');
  const berard = (await (await admin.get('parties?q=jf.berard@example.com')).json()).items[0];
  const paris = (await (await admin.get(`org-units/${berard.orgUnitId}`)).json());
  expect(paris.code).toBe('DEMO-PARIS');
  await admin.dispose();

  await login(page, 'jlefevre', 'jlefevre');
  await expect(page.getByTestId('current-user')).toContainText("Agence Lille Grand'Place");
  const search = page.getByRole('combobox', { name: NAMES.search });
  await search.fill('ber');
  const results = page.getByRole('listbox');
  await expect(results.getByRole('option').first()).toBeVisible();
  await expect(results.getByRole('option', { name: /Jean-François Bérard/ })).toHaveCount(0);

  await page.goto(shellUrl('parties?q=jean-fran%C3%A7ois%20b%C3%A9rard'));
  await expect(page.getByRole('status').filter({ hasText: 'No party matches.' })).toBeVisible();

  await page.goto(shellUrl(`parties/${berard.id}`));
  await expect(page.getByRole('alert')).toContainText('Not found, or outside your perimeter');
});
