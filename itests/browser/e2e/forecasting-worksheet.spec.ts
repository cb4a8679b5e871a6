// The forecast worksheet on the distribution: a rep sees their deals by category against their quota,
// adjusts Commit with a note and submits revision 1; their manager sees the rep's submitted revision in
// the team table and the rollup; the rep never sees the manager's own adjustment of them.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, docScreenshot, login, shellUrl } from './support/session';

const REP = 'mdupont';
const MANAGER = 'jlefevre';
const DIRECTOR = 'amenard';
let admin: APIRequestContext;
let period: string;
let repPosition: string;

async function agentId(login: string): Promise<string> {
  const agents = (await (await admin.get('agents')).json()).items as Array<{ id: string; login: string }>;
  const agent = agents.find((a) => a.login === login);
  expect(agent, `agent ${login}`).toBeTruthy();
  return agent!.id;
}

/** The position of the agent, created under parent unless it exists. */
async function position(name: string, login: string, parentId?: string): Promise<string> {
  const agent = await agentId(login);
  const existing = ((await (await admin.get('forecasting/positions')).json()).items as Array<{ id: string; agentId: string }>)
    .find((p) => p.agentId === agent);
  if (existing) return existing.id;
  const created = await admin.post('forecasting/positions', { data: { name, agentId: agent, ...(parentId ? { parentId } : {}) } });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()).id;
}

test.beforeAll(async () => {
  admin = await apiAs('admin');
  const director = await position('Director of Field Sales', DIRECTOR);
  const manager = await position('Division Manager', MANAGER, director);
  repPosition = await position('Field Sales Rep', REP, manager);
  // a fiscal year of its own in the 2040s, so that the quarter holds only this run's deals
  const year = 2040 + Math.floor(Math.random() * 50);
  const periods = (await (await admin.post('forecasting/periods', { data: { fiscalYear: year } })).json()).items as Array<{ id: string; name: string }>;
  period = periods.find((p) => p.name === `FY${year}-Q1`)!.id;
  expect((await admin.put('forecasting/quotas', { data: { positionId: repPosition, periodId: period, currency: 'EUR', amount: 20000 } })).ok()).toBeTruthy();
  const rep = await apiAs(REP);
  const accountId = (await (await rep.get('parties?type=ORGANIZATION&limit=1')).json()).items[0].id;
  const owner = await agentId(REP);
  for (const [name, stage, amount] of [['Flotte utilitaire', 'NEGOTIATION', 5000], ['Bornes de recharge', 'PROPOSAL', 3000]] as const) {
    const created = await rep.post('sales/opportunities', { data: {
      accountId, name, stage, amount, currency: 'EUR', expectedCloseDate: `${year}-02-10`, ownerId: owner } });
    expect(created.status(), await created.text()).toBe(201);
  }
  await rep.dispose();
});

test.afterAll(async () => {
  await admin.dispose();
});

test('a rep adjusts and submits their forecast, and their manager sees it roll up', async ({ page }) => {
  await login(page, REP, REP, `forecasting/worksheet?periodId=${period}`);
  await expect(page.getByRole('navigation', { name: /Main|Principal/ }).locator('[data-module="forecasting"]')).toBeVisible();
  const lines = page.getByRole('table', { name: 'Forecast lines' });
  const commit = lines.getByRole('row', { name: /Commit/ });
  await expect(commit).toContainText('5,000');
  await expect(lines.getByRole('row', { name: /Best case/ })).toContainText('3,000');
  await expect(page.getByText(/attainment 0%, coverage 40%/)).toBeVisible();

  const form = page.getByRole('form', { name: 'Adjust the forecast' });
  await form.getByLabel('Category').selectOption('COMMIT');
  await form.getByLabel('Amount').fill('4500');
  await form.getByLabel('Note').fill('Une flotte glisse en avril');
  await form.getByRole('button', { name: 'Adjust' }).click();
  await expect(commit).toContainText('4,500');
  await expect(commit).toContainText('✎');

  await page.getByRole('button', { name: 'Submit forecast' }).click();
  await expect(page.getByRole('list', { name: 'Revisions' })).toContainText(`Revision 1 by ${REP}`);
  await docScreenshot(page, 'forecasting-worksheet');

  // the manager's view: the rep's submitted revision in the team table, their own adjustment on top
  const manager = await apiAs(MANAGER);
  const adjusted = await manager.put('forecasting/adjustments', { data: {
    positionId: repPosition, periodId: period, category: 'COMMIT', currency: 'EUR', amount: 4000, note: 'Prudence' } });
  expect(adjusted.ok(), await adjusted.text()).toBeTruthy();
  await manager.dispose();
  const managerPage = await page.context().browser()!.newPage();
  await login(managerPage, MANAGER, MANAGER, `forecasting/worksheet?periodId=${period}`);
  const team = managerPage.getByRole('table', { name: 'Team forecast' });
  await expect(team.getByRole('row', { name: /Field Sales Rep/ })).toContainText('Submitted, revision 1');
  await expect(team.getByRole('row', { name: /Field Sales Rep/ })).toContainText('4,000');
  await managerPage.close();

  // the rep still sees their own figure, never the manager's
  await page.goto(shellUrl(`forecasting/worksheet?periodId=${period}&positionId=${repPosition}`));
  await expect(page.getByRole('table', { name: 'Forecast lines' }).getByRole('row', { name: /Commit/ })).toContainText('4,500');
});
