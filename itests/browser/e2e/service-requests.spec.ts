// The service module's screens on the distribution: a request opened over the API shows in the
// customer's 360° section and in the module's list, reached from its menu entry; the list's
// "My requests" filter is a bookmarkable route.
import { expect, test } from '@playwright/test';
import { apiAs, docScreenshot, login, NAMES } from './support/session';

test('a request shows in the 360° section and in the service list, with its filters', async ({ page }) => {
  const api = await apiAs('admin');
  const suffix = `${Date.now()}`.slice(-6);
  const party = await api.post('parties', { data: { type: 'PERSON', firstName: 'Odile', lastName: `Marchand-${suffix}` } });
  expect(party.status(), await party.text()).toBe(201);
  const partyId = (await party.json()).id;
  const created = await api.post('service/requests', { data: {
    partyId, summary: `Heating out of order ${suffix}`, priority: 'HIGH', origin: 'PHONE' } });
  expect(created.status(), await created.text()).toBe(201);
  const request = await created.json();
  expect(request.number).toMatch(/^SR-\d{6}$/);

  // bad input is refused naming the field
  const refused = await api.post('service/requests', { data: { partyId, priority: 'SOMEDAY' } });
  expect(refused.status()).toBe(422);
  const problem = await refused.json();
  expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['summary', 'priority']));

  await login(page, 'admin', 'admin', `parties/${partyId}`);
  const section = page.locator('[data-section="requests"][data-module="service"]');
  await expect(section).toBeVisible();
  await expect(section).toContainText(request.number);
  await docScreenshot(page, 'service-section');

  await page.getByRole('navigation', { name: NAMES.mainNavigation }).locator('a[data-module="service"]').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeVisible();
  await expect(page.getByRole('cell', { name: request.number })).toBeVisible();
  await expect(page.getByRole('cell', { name: `Heating out of order ${suffix}` })).toBeVisible();

  await page.getByRole('navigation', { name: 'Which requests' }).getByRole('link', { name: 'My requests' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'My requests' })).toBeVisible();
  await expect(page.getByRole('cell', { name: request.number })).toHaveCount(0); // admin owns none
  await api.dispose();
});
