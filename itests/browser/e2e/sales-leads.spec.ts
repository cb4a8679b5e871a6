// The lead work queue on the distribution: a call's outcome and the next action recorded in one
// step, then the lead qualified and converted, landing on its new opportunity.
import { expect, test } from '@playwright/test';
import { apiAs, docScreenshot, login } from './support/session';

const AGENT = 'mdupont';

test('the lead queue records an outcome and the next action in one step, then converts the lead', async ({ page }) => {
  const api = await apiAs(AGENT);
  const suffix = `${Date.now()}`.slice(-6);
  const lastName = `Garnier-${suffix}`;
  const created = await api.post('sales/leads', { data: {
    firstName: 'Amelie', lastName, companyName: `Fromagerie ${lastName}`, phone: '+33 4 72 10 20 30', source: 'WEB', rating: 'WARM' } });
  expect(created.status(), await created.text()).toBe(201);
  const lead = await created.json();

  await login(page, AGENT, AGENT, `sales/leads?lead=${lead.id}`);
  const work = page.getByRole('region', { name: `Amelie ${lastName}` });
  await expect(work).toBeVisible();

  // recording without an outcome names the field, before anything is sent
  await work.getByRole('button', { name: 'Record outcome and next action' }).click();
  await expect(work.getByText('Outcome is required.')).toBeVisible();

  await work.getByLabel('Outcome').selectOption({ label: 'Phone appointment' });
  await work.getByRole('combobox', { name: /^Next action/ }).selectOption({ label: 'Call back' });
  await expect(work.getByLabel('Next action at')).not.toHaveValue(''); // a time is proposed
  await work.getByLabel('Next action at').fill('2031-03-04T10:30');
  await work.getByLabel('Note').fill('Rappeler pour le devis');
  await docScreenshot(page, 'sales-leads');
  await work.getByRole('button', { name: 'Record outcome and next action' }).click();

  await expect(work.getByTestId('last-outcome')).toContainText('Phone appointment');
  await expect(work.getByTestId('next-action')).toContainText('Call back');
  await expect(work.getByTestId('next-action')).toContainText('2031');
  const recorded = await (await api.get(`sales/leads/${lead.id}`)).json();
  expect([recorded.status, recorded.lastOutcome, recorded.nextAction]).toEqual(['WORKING', 'PHONE_APPOINTMENT', 'CALL_BACK']);
  expect(new Date(recorded.nextActionAt).getTime()).toBe(new Date(2031, 2, 4, 10, 30).getTime());
  const planned = await (await api.get(`activities/${recorded.nextActivityId}`)).json();
  expect(planned.status).toBe('PLANNED');

  await work.getByRole('button', { name: 'Qualify', exact: true }).click();
  await work.getByRole('button', { name: 'Convert', exact: true }).click();
  await work.getByLabel('Opportunity name').fill(`Caves ${lastName}`);
  await work.getByLabel('Amount').fill('18500');
  await work.getByRole('button', { name: 'Convert and open' }).click();

  await expect(page.getByRole('heading', { level: 1, name: `Caves ${lastName}` })).toBeVisible();
  const converted = await (await api.get(`sales/leads/${lead.id}`)).json();
  expect(converted.status).toBe('CONVERTED');
  expect(page.url()).toContain(`sales/opportunities/${converted.convertedOpportunityId}`);
  await api.dispose();
});
