// The pipeline board on the distribution: a drag to Negotiation moves the column totals; a move to
// Closed lost without a reason is refused with the API's rule in words and undone; the keyboard
// menu moves a card as the drag does.
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, docScreenshot, login, shellUrl } from './support/session';

const AGENT = 'mdupont';
let api: APIRequestContext;
let accountId: string;

test.beforeAll(async () => {
  api = await apiAs(AGENT);
  const accounts = await api.get('parties?type=ORGANIZATION&limit=1');
  expect(accounts.ok()).toBeTruthy();
  accountId = (await accounts.json()).items[0].id;
});

test.afterAll(async () => {
  await api.dispose();
});

/**
 * A close date of its own for each test (a day of the 2040s), so that a board filtered on it holds
 * only that test's deals, whatever else the data set holds and whatever runs beside it.
 */
function closeDateOfItsOwn(): string {
  const day = new Date(Date.UTC(2040, 0, 1) + Math.floor(Math.random() * 3650) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

async function opportunity(name: string, stage: string, amount: number, currency: string, expectedCloseDate: string) {
  const created = await api.post('sales/opportunities', { data: { accountId, name, stage, amount, currency, expectedCloseDate } });
  expect(created.status(), await created.text()).toBe(201);
  return (await created.json()) as { id: string; version: number };
}

const column = (page: Page, stage: string) => page.locator(`[data-stage="${stage}"]`);
const card = (page: Page, id: string) => page.locator(`[data-opportunity-id="${id}"]`);

// A board of eight stages is wider than a laptop screen: the drags here aim at columns in view.
test.use({ viewport: { width: 1680, height: 900 } });

test('dragging an opportunity to Negotiation moves it there and the column totals with it', async ({ page }) => {
  const day = closeDateOfItsOwn();
  const moving = await opportunity(`Caves d'affinage ${day}`, 'PROPOSAL', 36199.7, 'EUR', day);
  await opportunity(`Hygromètres ${day}`, 'PROPOSAL', 1049.7, 'EUR', day);
  await opportunity(`Chambre froide ${day}`, 'NEGOTIATION', 5000, 'USD', day);

  await login(page, AGENT, AGENT, `sales/pipeline?closeFrom=${day}&closeTo=${day}`);
  const proposal = column(page, 'PROPOSAL');
  const negotiation = column(page, 'NEGOTIATION');
  await expect(proposal.getByTestId('stage-count')).toHaveText('2');
  await expect(proposal.getByTestId('stage-amount')).toHaveText('€37,249.40');
  await expect(negotiation.getByTestId('stage-count')).toHaveText('1');
  await expect(negotiation.getByTestId('stage-amount')).toHaveText('$5,000.00');
  await docScreenshot(page, 'sales-pipeline');

  await card(page, moving.id).dragTo(negotiation);

  await expect(negotiation.locator(`[data-opportunity-id="${moving.id}"]`)).toBeVisible();
  await expect(proposal.getByTestId('stage-count')).toHaveText('1');
  await expect(proposal.getByTestId('stage-amount')).toHaveText('€1,049.70');
  await expect(negotiation.getByTestId('stage-count')).toHaveText('2');
  await expect(negotiation.getByTestId('stage-amount')).toHaveText('€36,199.70 · $5,000.00');
  // the server holds the move, and a fresh board agrees with it
  await expect.poll(async () => (await (await api.get(`sales/opportunities/${moving.id}`)).json()).stage).toBe('NEGOTIATION');
  await page.reload();
  await expect(column(page, 'NEGOTIATION').getByTestId('stage-count')).toHaveText('2');
});

test('a move to Closed lost without a reason is refused with its message, and the card goes back', async ({ page }) => {
  const day = closeDateOfItsOwn();
  const deal = await opportunity(`Extension de cave ${day}`, 'NEGOTIATION', 12000, 'EUR', day);

  await login(page, AGENT, AGENT, `sales/pipeline?closeFrom=${day}&closeTo=${day}`);
  const negotiation = column(page, 'NEGOTIATION');
  const lost = column(page, 'CLOSED_LOST');
  await expect(negotiation.getByTestId('stage-count')).toHaveText('1');

  await card(page, deal.id).dragTo(lost);
  const dialog = page.getByRole('dialog', { name: /Closed lost/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Loss reason')).toHaveValue('');
  await dialog.getByRole('button', { name: 'Move' }).click();

  await expect(page.locator('tessera-sales-pipeline').getByRole('alert')).toContainText('Loss reason is required.');
  await expect(negotiation.locator(`[data-opportunity-id="${deal.id}"]`)).toBeVisible();
  await expect(negotiation.getByTestId('stage-count')).toHaveText('1');
  await expect(lost.getByTestId('stage-count')).toHaveText('0');
  expect((await (await api.get(`sales/opportunities/${deal.id}`)).json()).stage).toBe('NEGOTIATION');

  // with its reason the loss is taken
  await card(page, deal.id).dragTo(lost);
  await dialog.getByLabel('Loss reason').fill('Prix trop élevé');
  await dialog.getByRole('button', { name: 'Move' }).click();
  await expect(lost.locator(`[data-opportunity-id="${deal.id}"]`)).toBeVisible();
  await expect(lost.getByTestId('stage-count')).toHaveText('1');
  await expect(lost.getByTestId('stage-amount')).toHaveText('€12,000.00');
  // the board moves the card at once; the server's answer may come a moment later
  await expect.poll(async () => {
    const stored = await (await api.get(`sales/opportunities/${deal.id}`)).json();
    return [stored.stage, stored.status, stored.lostReason];
  }).toEqual(['CLOSED_LOST', 'LOST', 'Prix trop élevé']);
});

test('a card moves by keyboard through its "move to stage" menu', async ({ page }) => {
  const day = closeDateOfItsOwn();
  const deal = await opportunity(`Capteurs ${day}`, 'QUALIFICATION', 800, 'EUR', day);

  await login(page, AGENT, AGENT, `sales/pipeline?closeFrom=${day}&closeTo=${day}`);
  await card(page, deal.id).getByRole('button', { name: /Move .* to stage/ }).press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu.getByRole('menuitem').first()).toBeFocused();
  await menu.getByRole('menuitem', { name: 'Proposal' }).click();

  await expect(column(page, 'PROPOSAL').locator(`[data-opportunity-id="${deal.id}"]`)).toBeVisible();
  await expect(column(page, 'PROPOSAL').getByTestId('stage-amount')).toHaveText('€800.00');
  await expect(column(page, 'QUALIFICATION').getByTestId('stage-count')).toHaveText('0');
});
