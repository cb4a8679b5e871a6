import { expect, test } from '@playwright/test';
import { docScreenshot, login, NAMES } from './support/session';

test('an agent finds Jean-François Bérard from the typeahead and reads his 360° page and timeline', async ({ page }) => {
  await login(page, 'mdupont', 'mdupont');
  const search = page.getByRole('combobox', { name: NAMES.search });
  await search.fill('ber');
  const results = page.getByRole('listbox');
  await expect(results.getByRole('option', { name: /Jean-François Bérard/ })).toBeVisible();
  await expect(search).toHaveAttribute('aria-expanded', 'true');
  await docScreenshot(page, 'typeahead');
  // pick it with the keyboard: down to it, Enter
  const titles = await results.getByRole('option').allInnerTexts();
  const index = titles.findIndex((title) => title.startsWith('Jean-François Bérard'));
  for (let i = 0; i <= index; i++) await search.press('ArrowDown');
  await expect(search).toHaveAttribute('aria-activedescendant', /global-search-option-/);
  await search.press('Enter');

  await expect(page.getByRole('heading', { name: 'Jean-François Bérard', level: 1 })).toBeVisible();
  await expect(page).toHaveURL(/#\/parties\/\d+$/);
  const header = page.locator('section.header');
  await expect(header).toContainText('Marie Dupont');
  await expect(header).toContainText('Agence Paris Opéra');
  await expect(header.getByTestId('classification').first()).toBeVisible();
  await expect(header).toContainText('jf.berard@example.com');

  const mechanisms = page.locator('[data-section="contact-mechanisms"][data-module="core"]');
  await expect(mechanisms).toContainText('opted out');
  await expect(page.locator('[data-section="relationships"][data-module="core"]')).toContainText('Famille Bérard');
  // a section that the sales module contributes shows even without an element of its own
  await expect(page.locator('[data-module="sales"][data-section="opportunities"]')).toBeVisible();

  const timeline = page.getByTestId('timeline');
  await expect(timeline.locator('ol li').first()).toBeVisible();
  const dates = await timeline.locator('ol li').evaluateAll((items) => items.length);
  expect(dates).toBeGreaterThan(1);
  await docScreenshot(page, 'party-360');

  await timeline.getByLabel('Module').selectOption('core');
  await expect(timeline.locator('ol li[data-source="core"]').first()).toBeVisible();
  await expect(timeline.locator('ol li:not([data-source="core"])')).toHaveCount(0);
});
