// The service module's screens on the distribution: a request opened over the API shows in the
// customer's 360° section and in the module's list, reached from its menu entry; the list's
// "My requests" filter is a bookmarkable route; a request opens from the list on its own screen.
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

test('a request opens from the list on its own screen: status, owner and queue, milestones, dossier and documents', async ({ page }) => {
  const api = await apiAs('admin');
  const suffix = `${Date.now()}`.slice(-6);
  // an SLA policy that only this test's requests meet (its reason), on a 24/7 calendar
  const week = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
  const calendar = await api.put(`service/sla/calendars/PW-${suffix}`, { data: { zone: 'Europe/Paris',
    hours: Object.fromEntries(week.map((day) => [day, ['00:00-24:00']])) } });
  expect(calendar.status(), await calendar.text()).toBeLessThan(300);
  const policy = await api.put(`service/sla/policies/PW-${suffix}`, { data: { subjectType: 'SERVICE_REQUEST', calendar: `PW-${suffix}`,
    criteria: { reason: `PW-${suffix}` }, milestones: [{ code: 'FIRST_RESPONSE', targetMinutes: 60 }] } });
  expect(policy.status(), await policy.text()).toBeLessThan(300);
  const party = await api.post('parties', { data: { type: 'PERSON', firstName: 'Anselme', lastName: `Vidal-${suffix}` } });
  const partyId = (await party.json()).id;
  const created = await api.post('service/requests', { data: {
    partyId, summary: `Boiler leaking ${suffix}`, priority: 'URGENT', origin: 'PHONE', reason: `PW-${suffix}` } });
  expect(created.status(), await created.text()).toBe(201);
  const request = await created.json();
  expect(request.milestones.length).toBe(1);
  const template = await api.put(`service/document-templates/PW-${suffix}`, { data: { name: 'Acknowledgement', kind: 'LETTER',
    subject: 'Your request {{request.number}}', body: '<p>We opened {{request.number}}.</p>' } });
  expect(template.status(), await template.text()).toBeLessThan(300);
  const letter = await api.post(`service/requests/${request.id}/documents`, { data: { templateCode: `PW-${suffix}` } });
  expect(letter.status(), await letter.text()).toBe(201);

  await login(page, 'admin', 'admin', 'service/requests');
  await page.getByRole('link', { name: request.number }).click();
  await expect(page.getByRole('heading', { level: 1, name: request.number })).toBeVisible();
  await expect(page.getByText(`Boiler leaking ${suffix}`)).toBeVisible();
  const milestones = page.getByRole('table', { name: 'Milestones' });
  const response = milestones.getByRole('row').filter({ hasText: 'FIRST_RESPONSE' });
  await expect(response.getByRole('cell').nth(1)).toHaveText('running');
  await expect(response.getByRole('cell').nth(4)).toHaveText(/min$/); // remaining
  await expect(response.getByRole('cell').last()).toHaveText('no'); // not violated
  await expect(page.getByRole('heading', { level: 3, name: 'Letters' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Documents' })).toContainText(`Your request ${request.number}`);
  await docScreenshot(page, 'service-request');
  await api.dispose();
});
