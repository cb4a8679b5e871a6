import { expect, test } from '@playwright/test';
import { docScreenshot, login } from './support/session';

test('creating a prospect shows the API\'s message beside an invalid email, then creates it once fixed', async ({ page }) => {
  await login(page, 'mdupont', 'mdupont');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'New prospect' }).click();
  await expect(page.getByRole('heading', { name: 'New prospect', level: 1 })).toBeVisible();
  const stamp = Date.now().toString(36);
  await page.getByLabel('First name').fill('Renée');
  await page.getByLabel('Last name').fill(`O'Connor-Lévêque ${stamp}`);
  const email = page.getByLabel('Email address');
  await email.fill('renee.oconnor-at-example.org');
  await page.getByRole('button', { name: 'Create' }).click();

  await expect(email).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('[id="contactMechanisms[0].value-error"]')).toContainText('not an email address');
  await expect(page.getByRole('alert').first()).toContainText('1 field(s) to correct');
  await docScreenshot(page, 'prospect-invalid');

  await email.fill(`renee.${stamp}@example.org`);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { name: `Renée O'Connor-Lévêque ${stamp}`, level: 1 })).toBeVisible();
  await expect(page.locator('section.header')).toContainText('Prospect');
  await expect(page.locator('section.header')).toContainText('Agence Paris Opéra');
});
