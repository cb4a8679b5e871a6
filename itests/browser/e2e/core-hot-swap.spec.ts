import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { apiAs, docScreenshot, login, NAMES, shellUrl } from './support/session';

// The UI follows its module: sales uninstalled in the module manager leaves another open page
// (its menu entries and its 360° section) without a reload, and comes back when reinstalled.
// The bound: gone from the open page within 3 s of the uninstall.
const UI_FOLLOWS_WITHIN = 3_000;

let admin: APIRequestContext;

test.beforeAll(async () => {
  admin = await apiAs('admin');
});

test.afterAll(async () => {
  // whatever happened above, leave sales installed for whoever uses this server next
  const state = await admin.get('modules/sales');
  if (state.status() === 404) {
    await admin.post('modules/sales/install', { data: {} });
  }
  await admin.dispose();
});

async function berardId(): Promise<string> {
  const found = await (await admin.get('parties?q=jean-francois berard')).json();
  const berard = found.items.find((p: { name?: string; firstName?: string }) =>
    `${p.firstName ?? ''}`.startsWith('Jean-Fran') || `${p.name ?? ''}`.startsWith('Jean-Fran'));
  expect(berard, 'Jean-François Bérard is in the demo data').toBeTruthy();
  return berard.id;
}

function pipelineLink(page: Page) {
  return page.getByRole('navigation', { name: NAMES.mainNavigation }).locator('a[data-module="sales"]');
}

function salesSection(page: Page) {
  return page.locator('[data-module="sales"][data-section]');
}

test('uninstalling sales in the module manager takes its menu and 360° section off another open page, reinstalling brings them back', async ({ browser }) => {
  const partyId = await berardId();
  const opportunitiesBefore = (await (await admin.get(`sales/opportunities?accountId=${partyId}&limit=200`)).json()).items.length;

  // an agent reads Bérard's 360° page, with sales on it
  const agentContext = await browser.newContext();
  const agent = await agentContext.newPage();
  await login(agent, 'mdupont', 'mdupont', `parties/${partyId}`);
  await expect(pipelineLink(agent).first()).toBeVisible();
  await expect(salesSection(agent).first()).toBeVisible();

  // an administrator, elsewhere, uninstalls sales
  const adminContext = await browser.newContext();
  const manager = await adminContext.newPage();
  await login(manager, 'admin', 'admin', 'admin/modules');
  const installed = manager.getByRole('table', { name: 'Installed modules' });
  await installed.getByRole('button', { name: 'Uninstall sales' }).click();
  const confirm = manager.getByRole('alertdialog', { name: 'Uninstall sales?' });
  await confirm.getByLabel('Type “sales” to confirm').fill('sales');
  const uninstalled = manager.waitForResponse((r) => r.url().endsWith('/modules/sales/uninstall') && r.request().method() === 'POST');
  await confirm.getByRole('button', { name: 'Uninstall' }).click();
  expect((await uninstalled).status()).toBe(204);

  // the agent's page, untouched, loses the module's menu and section
  await expect(pipelineLink(agent)).toHaveCount(0, { timeout: UI_FOLLOWS_WITHIN });
  await expect(salesSection(agent)).toHaveCount(0, { timeout: UI_FOLLOWS_WITHIN });
  // the core's own sections are still there
  await expect(agent.locator('[data-module="core"][data-section]').first()).toBeVisible();
  await docScreenshot(agent, 'hot-swap-without-sales');
  // a bookmarked route of the gone module says so instead of failing
  await agent.goto(shellUrl('sales/pipeline'));
  await expect(agent.getByText(/not installed/i).first()).toBeVisible();
  await agent.goto(shellUrl(`parties/${partyId}`));

  // reinstalled from the module manager: back on the agent's page, data kept
  const available = manager.getByRole('table', { name: 'Available modules' });
  const installedAgain = manager.waitForResponse((r) => r.url().endsWith('/modules/sales/install') && r.request().method() === 'POST',
    { timeout: 60_000 });
  await available.getByRole('button', { name: 'Install sales' }).click();
  expect((await installedAgain).status()).toBe(200);
  await expect(pipelineLink(agent).first()).toBeVisible({ timeout: UI_FOLLOWS_WITHIN });
  await expect(salesSection(agent).first()).toBeVisible({ timeout: UI_FOLLOWS_WITHIN });
  // the UI bundle may be listed a moment before the sales application is served by the whiteboard
  await expect.poll(async () => (await admin.get('sales/opportunities?limit=1')).status(), { timeout: 10_000 }).toBe(200);
  const opportunitiesAfter = (await (await admin.get(`sales/opportunities?accountId=${partyId}&limit=200`)).json()).items.length;
  expect(opportunitiesAfter).toBe(opportunitiesBefore);

  await pipelineLink(agent).first().click();
  await expect(agent.locator('tessera-sales-pipeline')).toBeVisible();

  await agentContext.close();
  await adminContext.close();
});
