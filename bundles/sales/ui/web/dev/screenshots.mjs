// Screenshots of the sales screens on the dev page, for looking at them (not the docs' screenshots:
// those are taken by the Playwright specs in the real shell). Usage: node dev/screenshots.mjs OUT_DIR [route…]
import { chromium } from '@playwright/test';

const out = process.argv[2] ?? 'target/screenshots';
const routes = process.argv.slice(3);
const base = process.env.DEV_URL ?? 'http://localhost:18405/';
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: process.env.LOCALE ?? 'en-US' });
page.on('console', (m) => { if (m.type() === 'error') console.log('console:', m.text()); });
page.on('pageerror', (e) => console.log('pageerror:', e.message));
await page.goto(base);
await page.getByLabel('Login').fill(process.env.USER_LOGIN ?? 'mdupont');
await page.getByLabel('Password').fill(process.env.USER_PASSWORD ?? 'mdupont');
await page.getByRole('button', { name: 'Sign in' }).click();
await page.getByRole('navigation', { name: 'Main' }).getByRole('link').first().waitFor();
for (const route of routes) {
  await page.goto('about:blank');
  await page.goto(`${base}#/${route}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(800); // a look, not a test: let the last answers render
  const file = `${out}/${route.replace(/[^a-z0-9]+/gi, '-').replace(/-$/, '')}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
