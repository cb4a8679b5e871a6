import { expect, test } from '@playwright/test';
import { docScreenshot, login } from './support/session';

test('an administrator sees the installed modules and the activities due today', async ({ page }) => {
  await login(page, 'admin', 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Modules' }).click();
  const installed = page.getByRole('table', { name: 'Installed modules' });
  await expect(installed.getByRole('rowheader', { name: /^core/ })).toBeVisible();
  const sales = installed.locator('tr[data-module-row="sales"]');
  await expect(sales).toContainText('active');
  await expect(sales.getByRole('button', { name: 'Uninstall sales' })).toBeVisible();
  await sales.getByRole('button', { name: 'Uninstall sales' }).click();
  const confirm = page.getByRole('alertdialog', { name: 'Uninstall sales?' });
  await expect(confirm.getByRole('button', { name: 'Uninstall' })).toBeDisabled();
  await confirm.getByLabel('Type “sales” to confirm').fill('sale');
  await expect(confirm.getByRole('button', { name: 'Uninstall' })).toBeDisabled();
  await docScreenshot(page, 'modules');
  await confirm.getByRole('button', { name: 'Cancel' }).click();
  await expect(confirm).toBeHidden();

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Due today' }).click();
  await expect(page.getByRole('heading', { name: 'Activities due today', level: 1 })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Activities due today' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Mine' })).toHaveAttribute('aria-current', 'true');
  await docScreenshot(page, 'activities-today');
});
