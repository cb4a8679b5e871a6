// The marketing screens on the distribution: an agent opens a phone campaign from the menu, sees the
// totals and the offer, calls the member of the call list with the script rendered for them, and records
// the outcome in one step; the member leaves the call list and the campaign counts the response.
import { expect, test } from '@playwright/test';
import { apiAs, docScreenshot, login } from './support/session';

const AGENT = 'mdupont';

test('an agent works the call list of a phone campaign: script, offer, outcome recorded in one step', async ({ page }) => {
  const agent = await apiAs(AGENT);
  const admin = await apiAs('admin');
  const suffix = `${Date.now()}`.slice(-6);
  const party = await agent.post('parties', { data: {
    type: 'PERSON', firstName: 'Lucie', lastName: `Marchand-${suffix}`, classifications: ['CUSTOMER'],
    contactMechanisms: [{ type: 'PHONE', value: '+33 4 78 00 11 22', purpose: 'WORK', primary: true }] } });
  expect(party.status(), await party.text()).toBe(201);
  const partyId = (await party.json()).id;
  const created = await admin.post('marketing/campaigns', { data: {
    name: `Relance ${suffix}`, type: 'PHONE', currency: 'EUR', actualCost: 300,
    callScript: '<p>Bonjour {{party.firstName}} {{party.lastName}}, je vous appelle au sujet de {{offer.name}}.</p>' } });
  expect(created.status(), await created.text()).toBe(201);
  const campaign = await created.json();
  expect((await admin.post(`marketing/campaigns/${campaign.id}/offers`, { data: { name: 'Audit offert', discountPercent: 10, minQuantity: 5 } })).status()).toBe(201);
  expect((await admin.post(`marketing/campaigns/${campaign.id}/members`, { data: { partyId } })).status()).toBe(200);

  await login(page, AGENT, AGENT, 'marketing/campaigns');
  const menu = page.getByRole('navigation', { name: 'Main' }).locator('[data-module="marketing"]');
  await expect(menu).toBeVisible();
  await page.getByRole('link', { name: `Relance ${suffix}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Relance ${suffix}` })).toBeVisible();
  await expect(page.getByText('Audit offert — 10 % off from 5')).toBeVisible();

  const call = page.getByRole('article', { name: `Lucie Marchand-${suffix}` });
  await expect(call).toBeVisible();
  await expect(call.getByText(`Bonjour Lucie Marchand-${suffix}, je vous appelle au sujet de Audit offert.`)).toBeVisible();
  await call.getByRole('combobox', { name: /^Outcome/ }).selectOption('MEETING_SET');
  await call.getByRole('combobox', { name: /^New status/ }).selectOption({ label: 'Responded' });
  await docScreenshot(page, 'marketing-call-list');
  await call.getByRole('button', { name: 'Record' }).click();

  await expect(page.getByText('Nobody left to call.')).toBeVisible();
  const member = await (await agent.get(`marketing/campaigns/${campaign.id}/members/${partyId}`)).json();
  expect(member.status).toBe('RESPONDED');
  const activity = await (await agent.get(`activities/${member.activityId}`)).json();
  expect([activity.channel, activity.outcome]).toEqual(['PHONE', 'MEETING_SET']);
  expect(activity.links).toContain(`marketing:campaign:${campaign.id}`);
  const totals = await (await agent.get(`marketing/campaigns/${campaign.id}/totals`)).json();
  expect([totals.members, totals.responses]).toEqual([1, 1]);
  await agent.dispose();
  await admin.dispose();
});
