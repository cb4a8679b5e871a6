// (a) Lighthouse performance and accessibility of the shell's pages, signed in, beside a static page.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_FLAGS, chromiumPath } from './browser.mjs';
import { median } from './stats.mjs';

const METRICS = ['first-contentful-paint', 'largest-contentful-paint', 'total-blocking-time', 'cumulative-layout-shift',
  'speed-index'];

/**
 * Lighthouse in the tab the user signed in with: the shell keeps its token in sessionStorage, which
 * belongs to a tab, so a tab Lighthouse would open itself (its `port` mode) would see the login form.
 * Lighthouse clears the HTTP cache and the origin's caches before each run, not sessionStorage.
 *
 * @param pages {name -> url}, measured signed in; baseline: {url, token} measured with the token in a header
 */
export async function lighthouseScores({ baseUrl, login, password, pages, baseline, runs, formFactors, outDir, log }) {
  const results = {};
  for (const formFactor of formFactors) {
    const browser = await puppeteer.launch({
      executablePath: chromiumPath(),
      headless: true,
      args: CHROMIUM_FLAGS,
      defaultViewport: null,
    });
    try {
      const page = await browser.newPage();
      await signInWithPuppeteer(page, baseUrl, login, password);
      results[formFactor] = {};
      const targets = { ...pages, baseline: baseline.url };
      for (const [name, url] of Object.entries(targets)) {
        const samples = [];
        for (let run = 1; run <= runs; run++) {
          const flags = {
            logLevel: 'error',
            output: 'html',
            onlyCategories: ['performance', 'accessibility'],
            maxWaitForLoad: 60_000,
            // the static page is an API resource: it needs the token the shell would send
            ...(name === 'baseline' ? { extraHeaders: { Authorization: `Bearer ${baseline.token}` } } : {}),
          };
          const result = await lighthouse(url, flags, formFactor === 'desktop' ? desktopConfig : undefined, page);
          const lhr = result.lhr;
          writeFileSync(join(outDir, `lighthouse-${formFactor}-${name}-${run}.html`), result.report);
          const sample = {
            performance: score(lhr.categories.performance),
            accessibility: score(lhr.categories.accessibility),
            runtimeError: lhr.runtimeError?.message,
            finalUrl: lhr.finalDisplayedUrl,
            metrics: Object.fromEntries(METRICS.map((id) => [id, lhr.audits[id]?.numericValue])),
            accessibilityFailures: Object.values(lhr.audits)
              .filter((a) => lhr.categories.accessibility.auditRefs.some((r) => r.id === a.id && r.weight > 0))
              .filter((a) => a.score !== null && a.score < 1)
              .map((a) => a.id),
          };
          log(`  lighthouse ${formFactor} ${name} run ${run}: performance ${sample.performance}, accessibility `
            + `${sample.accessibility}, LCP ${Math.round(sample.metrics['largest-contentful-paint'])} ms, TBT `
            + `${Math.round(sample.metrics['total-blocking-time'])} ms${sample.runtimeError ? `, error: ${sample.runtimeError}` : ''}`
            + `${sample.accessibilityFailures.length ? `, a11y failures: ${sample.accessibilityFailures.join(' ')}` : ''}`);
          samples.push(sample);
        }
        results[formFactor][name] = {
          url,
          runs: samples,
          performance: median(samples.map((s) => s.performance)),
          accessibility: median(samples.map((s) => s.accessibility)),
          metrics: Object.fromEntries(METRICS.map((id) => [id, median(samples.map((s) => s.metrics[id]))])),
          accessibilityFailures: [...new Set(samples.flatMap((s) => s.accessibilityFailures))],
        };
      }
    } finally {
      await browser.close();
    }
  }
  return results;
}

function score(category) {
  return category.score === null ? Number.NaN : Math.round(category.score * 100);
}

/** The shell's login form by the accessible names of the UI contract, through Puppeteer's ARIA selectors. */
async function signInWithPuppeteer(page, baseUrl, login, password) {
  await page.setViewport({ width: 1280, height: 800 });
  await page.goto(`${baseUrl}/tessera/`, { waitUntil: 'load' });
  await page.locator('::-p-aria([name="Login"][role="textbox"])').fill(login);
  await page.locator('::-p-aria(Password)').fill(password);
  await page.locator('::-p-aria([name="Sign in"][role="button"])').click();
  await page.locator('::-p-aria([name="Search"][role="combobox"])').setTimeout(30_000).wait();
}
