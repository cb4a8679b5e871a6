import { expect, test } from '@playwright/test';
import { apiAs, docScreenshot, login, shellUrl } from './support/session';

test('an agent records a call with outcome "phone appointment" and a next action, and sees both in the timeline', async ({ page }) => {
  const api = await apiAs('mdupont');
  const found = await (await api.get('parties?q=jf.berard@example.com')).json();
  const id = found.items[0].id as string;
  await api.dispose();
  await login(page, 'mdupont', 'mdupont');
  await page.goto(shellUrl(`parties/${id}`));
  await expect(page.getByRole('heading', { name: 'Jean-François Bérard', level: 1 })).toBeVisible();

  const stamp = Date.now().toString(36);
  await page.keyboard.press('c');
  const dialog = page.getByRole('dialog', { name: /Record a contact with Jean-François Bérard/ });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel('Channel')).toBeFocused();
  await dialog.getByLabel('Channel').selectOption('PHONE');
  await dialog.getByLabel('Outcome').selectOption({ label: 'Phone appointment' });
  await dialog.getByLabel('Subject', { exact: true }).fill(`Appel découverte ${stamp}`);
  await dialog.getByLabel('Note').fill('Souhaite un rendez-vous téléphonique jeudi.');
  await dialog.getByLabel('Next action', { exact: true }).selectOption('CALL');
  await dialog.getByLabel('Next action subject').fill(`Rappel rendez-vous ${stamp}`);
  await docScreenshot(page, 'record-contact');
  await dialog.getByLabel('Note').press('Control+Enter');

  await expect(dialog).toBeHidden();
  const timeline = page.getByTestId('timeline');
  const call = timeline.locator('li', { hasText: `Appel découverte ${stamp}` });
  await expect(call).toBeVisible();
  await expect(call).toContainText('Phone appointment');
  await expect(call).toContainText('done');
  const next = timeline.locator('li', { hasText: `Rappel rendez-vous ${stamp}` });
  await expect(next).toBeVisible();
  await expect(next).toContainText('planned');
  // newest first: the planned call (tomorrow) comes before the call made now
  const texts = await timeline.locator('ol li').allInnerTexts();
  expect(texts.findIndex((t) => t.includes(`Rappel rendez-vous ${stamp}`))).toBeLessThan(texts.findIndex((t) => t.includes(`Appel découverte ${stamp}`)));
});
