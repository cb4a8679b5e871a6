// The insurance screens on the distribution: a policy term read as of a date before and after its
// endorsement; a claim paid from its page, then refused beyond the coverage's limit net of the
// deductible with the rule in words; the insurance section on the holder's 360° page, which leaves
// the open page with the pack and comes back with it.
import { expect, test, type APIRequestContext } from '@playwright/test';
import { apiAs, docScreenshot, login } from './support/session';

const ADMIN = 'admin';
let api: APIRequestContext;
let holderId: string;
let policyId: string;
let claimId: string;

function day(offset: number): string {
  return new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
}

function coverage(code: string, name: string, limit: number, deductible: number) {
  return { code, name, category: 'BASE', limit, deductible };
}

test.beforeAll(async () => {
  api = await apiAs(ADMIN);
  const token = Math.random().toString(36).slice(2, 8).toUpperCase();
  const holder = await api.post('parties', { data: { type: 'PERSON', firstName: 'Hélène', lastName: `Assurée ${token}` } });
  expect(holder.status(), await holder.text()).toBe(201);
  holderId = (await holder.json()).id;
  const policy = await api.post('insurance/policies', { data: {
    number: `PW-${token}`, lineOfBusiness: 'HOME', product: 'Habitation', status: 'IN_FORCE',
    effectiveDate: day(-60), expiryDate: day(305), premium: 60, premiumFrequency: 'MONTHLY', currency: 'EUR',
    coverages: [coverage('FIRE', 'Fire', 100000, 500), coverage('WATER', 'Water damage', 5000, 300)],
    participants: [{ partyId: holderId, role: 'POLICYHOLDER' }],
  } });
  expect(policy.status(), await policy.text()).toBe(201);
  policyId = (await policy.json()).id;
  const endorsed = await api.post(`insurance/policies/${policyId}/endorsements`, { data: {
    effectiveDate: day(-10), reason: 'new kitchen', premium: 70,
    coverages: [coverage('FIRE', 'Fire', 100000, 500), coverage('WATER', 'Water damage', 8000, 300)],
  } });
  expect(endorsed.status(), await endorsed.text()).toBe(200);
  const claim = await api.post('insurance/claims', { data: {
    number: `PWC-${token}`, policyId, lossDate: day(-5), type: 'WATER_DAMAGE',
    amounts: [{ coverageCode: 'WATER', claimed: 9000, approved: 7700 }],
  } });
  expect(claim.status(), await claim.text()).toBe(201);
  claimId = (await claim.json()).id;
  for (const status of ['UNDER_ASSESSMENT', 'APPROVED']) {
    expect((await api.post(`insurance/claims/${claimId}/transitions`, { data: { status } })).status()).toBe(200);
  }
});

test.afterAll(async () => {
  await api.dispose();
});

test('a policy term shows what it covered on the date asked, before and after its endorsement', async ({ page }) => {
  await login(page, ADMIN, ADMIN, `insurance/policies/${policyId}?asOf=${day(-30)}`);
  const coverages = page.getByRole('table', { name: 'Coverages' });
  await expect(coverages.getByRole('row', { name: /WATER/ })).toContainText('€5,000.00');
  await expect(page.getByTestId('revision')).toHaveText('revision 0');

  await page.getByLabel('Covered on').fill(day(0));
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(coverages.getByRole('row', { name: /WATER/ })).toContainText('€8,000.00');
  await expect(page.getByTestId('revision')).toHaveText('revision 1');
  await docScreenshot(page, 'insurance-policy');
});

test('a claim is paid from its page and a payment beyond the limit net of the deductible is refused', async ({ page }) => {
  await login(page, ADMIN, ADMIN, `insurance/claims/${claimId}`);
  const pay = page.getByRole('form', { name: 'Record a payment' });
  await pay.getByLabel('Amount').fill('1000');
  await pay.getByRole('button', { name: 'Record a payment' }).click();
  await expect(page.getByTestId('claim-status')).toHaveText('Paid');
  await expect(page.getByRole('table', { name: 'Amounts per coverage' }).getByRole('row', { name: /WATER/ })).toContainText('€6,700.00');

  await pay.getByLabel('Amount').fill('7000');
  await pay.getByRole('button', { name: 'Record a payment' }).click();
  await expect(page.getByRole('alert')).toContainText('limit net of the deductible');
});

test('the insurance section sits on the holder\'s 360° page and follows the pack out and in', async ({ page }) => {
  await login(page, ADMIN, ADMIN, `parties/${holderId}`);
  const section = page.locator('[data-section="policies"][data-module="insurance"]');
  await expect(section).toContainText('1 in force');
  await expect(section).toContainText('1 open claims');
  const menu = page.getByRole('navigation', { name: 'Main' }).locator('[data-module="insurance"]');
  await expect(menu).toBeVisible();

  const json = { headers: { 'Content-Type': 'application/json' } };
  expect((await api.post('modules/insurance/uninstall', json)).ok()).toBeTruthy();
  try {
    await expect(section).toHaveCount(0, { timeout: 3_000 });
    await expect(menu).toHaveCount(0, { timeout: 3_000 });
  } finally {
    expect((await api.post('modules/insurance/install', json)).ok()).toBeTruthy();
  }
  await expect(section).toContainText('1 in force');
});
