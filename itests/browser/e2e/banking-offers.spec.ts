// The banking pack in the shell: a client's 360° page shows the banking section with the offer
// that fits and why; the agent rejects one with a reason and accepts the other, and neither is
// proposed again; the client's banking page shows the accounts and the household rollup; the
// offer rules are listed from the menu.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, docScreenshot, login, shellUrl } from './support/session';

let api: APIRequestContext;
let partyId: string;
let accountId: string;
let token: string;
const savingsOffer = () => `Savings plus ${token}`;
const cardOffer = () => `Gold card ${token}`;

test.beforeAll(async () => {
  api = await apiAs('admin');
  token = Math.random().toString(36).slice(2, 8);
  const person = await api.post('parties', { data: { type: 'PERSON', firstName: 'Inès', lastName: `Garnier-${token}` } });
  expect(person.status(), await person.text()).toBe(201);
  partyId = (await person.json()).id;
  const household = await api.post('parties', { data: { type: 'HOUSEHOLD', name: `Foyer Garnier ${token}` } });
  const householdId = (await household.json()).id;
  expect((await api.post(`banking/households/${householdId}/members`, { data: { partyId, role: 'HEAD' } })).status()).toBe(201);
  const account = await api.post('banking/accounts', { data: { number: `FR76${token.toUpperCase()}0001`, type: 'CURRENT', product: 'Compte courant',
    currency: 'EUR', balance: 15000, openedOn: '2021-05-01', roles: [{ partyId, role: 'PRIMARY_OWNER' }] } });
  expect(account.status(), await account.text()).toBe(201);
  accountId = (await account.json()).id;
  for (const [key, priority, name, conditions] of [
    [`savings-${token}`, 700, savingsOffer(), [{ type: 'account.hasProduct', parameters: { accountType: 'SAVINGS', has: false } }]],
    [`card-${token}`, 600, cardOffer(), [{ type: 'account.balance', parameters: { accountType: 'CURRENT', min: 10000 } }]],
  ] as const) {
    const rule = await api.post('banking/offer-rules', { data: { key, name: `${name} rule`, priority, conditions, offer: { code: key.toUpperCase(), name } } });
    expect(rule.status(), await rule.text()).toBe(201);
  }
});

test.afterAll(async () => {
  await api.dispose();
});

test('the 360° page proposes the offers that fit, with their reasons, and takes the agent\'s answers', async ({ page }) => {
  await login(page, 'admin', 'admin', `parties/${partyId}`);
  const section = page.locator('[data-section="banking"][data-module="banking"]');
  await expect(section).toBeVisible();
  await expect(section.getByText(savingsOffer(), { exact: true })).toBeVisible();
  await expect(section.getByText(cardOffer(), { exact: true })).toBeVisible();
  await expect(section.getByText(/holds no SAVINGS account/)).toBeVisible();
  await docScreenshot(page, 'banking-offers');

  // a rejection needs a reason: refused without one, in words naming it
  await section.getByRole('button', { name: `Reject ${cardOffer()}` }).click();
  await expect(section.getByRole('alert')).toContainText('reason');
  await expect(section.getByText(cardOffer(), { exact: true })).toBeVisible();
  await section.getByLabel(`Reason for rejecting ${cardOffer()}`).fill('Has a card at another bank');
  await section.getByRole('button', { name: `Reject ${cardOffer()}` }).click();
  await expect(section.getByText(cardOffer(), { exact: true })).toHaveCount(0);

  await section.getByRole('button', { name: `Accept ${savingsOffer()}` }).click();
  await expect(section.getByText(savingsOffer(), { exact: true })).toHaveCount(0);
  await expect(section.getByText(/No offer fits this client now/)).toBeVisible();

  const decisions = await (await api.get(`banking/parties/${partyId}/offer-decisions`)).json();
  expect(decisions.items.map((d: { decision: string }) => d.decision).sort()).toEqual(['ACCEPTED', 'REJECTED']);
});

test('the client\'s banking page shows the accounts and the household rollup; the rules are in the menu', async ({ page }) => {
  await login(page, 'admin', 'admin', `banking/parties/${partyId}`);
  const accounts = page.getByRole('table', { name: 'Accounts' });
  await expect(accounts.getByRole('cell', { name: `FR76${token.toUpperCase()}0001` })).toBeVisible();
  await expect(accounts.getByRole('cell', { name: '€15,000.00' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Primary household' })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Rollup' }).getByRole('cell', { name: '€15,000.00' }).first()).toBeVisible();

  // where the search and the timeline lead: the account and the parties on it
  await page.goto(shellUrl(`banking/accounts/${accountId}`));
  await expect(page.getByRole('heading', { name: `CURRENT FR76${token.toUpperCase()}0001` })).toBeVisible();
  await expect(page.getByRole('table', { name: 'Parties on the account' }).getByRole('cell', { name: 'PRIMARY_OWNER' })).toBeVisible();

  await page.getByRole('navigation', { name: 'Main' }).locator('[data-module="banking"]').click();
  await expect(page.getByRole('heading', { name: 'Offer rules' })).toBeVisible();
  await expect(page.getByRole('cell', { name: `${savingsOffer()} rule` })).toBeVisible();
});
