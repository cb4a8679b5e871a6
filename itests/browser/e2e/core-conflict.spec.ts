import { expect, test } from '@playwright/test';
import { apiAs, docScreenshot, login, shellUrl } from './support/session';

test('two agents edit one party: the second gets the conflict screen and reapplies their change', async ({ browser }) => {
  const api = await apiAs('mdupont');
  const stamp = Date.now().toString(36);
  const created = await api.post('parties', {
    data: { type: 'PERSON', firstName: 'Hélène', lastName: `Conflit ${stamp}`, classifications: ['PROSPECT'], jobTitle: 'Gérante' },
  });
  expect(created.status()).toBe(201);
  const id = (await created.json()).id as string;

  const first = await (await browser.newContext({ locale: 'en-US' })).newPage();
  const second = await (await browser.newContext({ locale: 'en-US' })).newPage();
  await login(first, 'mdupont', 'mdupont', `parties/${id}/edit`);
  await login(second, 'amenard', 'amenard', `parties/${id}/edit`);
  await expect(first.getByLabel('Job title')).toHaveValue('Gérante');
  await expect(second.getByLabel('Job title')).toHaveValue('Gérante');

  await first.getByLabel('Job title').fill('Directrice');
  await first.getByRole('button', { name: 'Save' }).click();
  await expect(first.getByRole('heading', { name: `Hélène Conflit ${stamp}`, level: 1 })).toBeVisible();

  await second.getByLabel('Last name').fill(`Conflit-Martin ${stamp}`);
  await second.getByLabel('Job title').fill('Gérante associée');
  await second.getByRole('button', { name: 'Save' }).click();
  const conflict = second.getByTestId('conflict');
  await expect(conflict).toBeVisible();
  await expect(conflict.getByRole('heading')).toContainText('Someone changed this record');
  const jobRow = conflict.getByRole('row', { name: /Job title/ });
  await expect(jobRow).toContainText('Gérante associée');
  await expect(jobRow).toContainText('Directrice');
  await expect(conflict.getByRole('row', { name: /Last name/ })).toContainText(`Conflit-Martin ${stamp}`);
  await docScreenshot(second, 'conflict');
  // nothing was overwritten
  expect((await (await api.get(`parties/${id}`)).json()).jobTitle).toBe('Directrice');

  await conflict.getByRole('button', { name: 'Reapply my changes on the current version' }).click();
  await expect(second.getByLabel('Job title')).toHaveValue('Gérante associée');
  await expect(second.getByLabel('Last name')).toHaveValue(`Conflit-Martin ${stamp}`);
  await second.getByRole('button', { name: 'Save' }).click();
  await expect(second.getByRole('heading', { name: `Hélène Conflit-Martin ${stamp}`, level: 1 })).toBeVisible();
  const stored = await (await api.get(`parties/${id}`)).json();
  expect([stored.lastName, stored.jobTitle, stored.version]).toEqual([`Conflit-Martin ${stamp}`, 'Gérante associée', 3]);
  await api.dispose();
});
