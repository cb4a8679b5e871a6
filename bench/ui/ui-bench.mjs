#!/usr/bin/env node
// The UI figures of docs/performance.md against a running distribution; bench/run.sh runs it (PHASES=ui)
// through org.tessera.crm.bench.Bench, which reads the JSON this writes. Alone:
//   CHROMIUM_PATH=$(command -v chromium) node ui-bench.mjs --base http://localhost:28181 --prefixes prefixes.txt --out out
// Options: --login/--password (TESSERA_LOGIN/TESSERA_PASSWORD, else admin/admin), --samples (UI_SAMPLES, 300),
//          --warmup (UI_WARMUP, 20), --seed (42), --lighthouse-runs (UI_LIGHTHOUSE_RUNS, 3), --form-factors
//          (UI_FORM_FACTORS, desktop,mobile), --only (lighthouse,javascript,typeahead), --search-route, --party-id
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { apiToken } from './lib/browser.mjs';
import { lighthouseScores } from './lib/lighthouse-scores.mjs';
import { shellJavaScript } from './lib/shell-javascript.mjs';
import { typeaheadLatency } from './lib/typeahead.mjs';

const { values: options } = parseArgs({
  options: {
    base: { type: 'string', default: 'http://localhost:28181' },
    // the bench passes the administrator's generated password in the environment; admin/admin is demo mode's
    login: { type: 'string', default: process.env.TESSERA_LOGIN ?? 'admin' },
    password: { type: 'string', default: process.env.TESSERA_PASSWORD ?? 'admin' },
    prefixes: { type: 'string' },
    out: { type: 'string', default: 'target' },
    // defaults from the environment too, so that bench/run.sh passes them through
    samples: { type: 'string', default: process.env.UI_SAMPLES ?? '300' },
    warmup: { type: 'string', default: process.env.UI_WARMUP ?? '20' },
    seed: { type: 'string', default: '42' },
    'lighthouse-runs': { type: 'string', default: process.env.UI_LIGHTHOUSE_RUNS ?? '3' },
    'form-factors': { type: 'string', default: process.env.UI_FORM_FACTORS ?? 'desktop,mobile' },
    only: { type: 'string', default: 'lighthouse,javascript,typeahead' },
    // the advanced search of parties, its filters in the hash (UI contract, "URLs")
    'search-route': { type: 'string', default: '#/parties?classification=CUSTOMER' },
    'party-id': { type: 'string' },
  },
});

const log = (line) => console.log(line);
const base = options.base.replace(/\/$/, '');
const only = new Set(options.only.split(','));
mkdirSync(options.out, { recursive: true });
const results = { date: new Date().toISOString(), base, chromium: process.env.CHROMIUM_PATH ?? process.env.CHROME_PATH };
const credentials = { baseUrl: base, login: options.login, password: options.password, log };

if (only.has('javascript')) {
  log('UI (b): JavaScript the shell ships');
  results.javascript = await shellJavaScript(credentials);
  log(`  shell: ${results.javascript.files.length} files, gzip ${results.javascript.gzipBytes} B; shared Lit alone `
    + `${results.javascript.litGzipBytes} B; module UIs ${results.javascript.moduleGzipBytes} B`);
}

if (only.has('lighthouse')) {
  log('UI (a): Lighthouse');
  const token = await apiToken(base, options.login, options.password);
  const partyId = options['party-id'] ?? await aParty(base, token);
  const pages = {
    search: `${base}/tessera/${options['search-route']}`,
    party: `${base}/tessera/#/parties/${partyId}`,
  };
  results.lighthouse = await lighthouseScores({
    ...credentials,
    pages,
    baseline: { url: `${base}/tessera/api/v1/bench/page`, token },
    runs: Number(options['lighthouse-runs']),
    formFactors: options['form-factors'].split(','),
    outDir: options.out,
  });
}

if (only.has('typeahead')) {
  log('UI (c): typeahead, keystroke to rendered results');
  if (!options.prefixes) {
    throw new Error('--prefixes: a file of the prefixes to type, one per line');
  }
  const prefixes = readFileSync(options.prefixes, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);
  results.typeahead = await typeaheadLatency({
    ...credentials,
    prefixes,
    samples: Number(options.samples),
    warmup: Number(options.warmup),
    seed: Number(options.seed),
  });
  const t = results.typeahead;
  log(`  typeahead: ${t.ui.count} samples, p50 ${t.ui.p50.toFixed(0)} / p95 ${t.ui.p95.toFixed(0)} / p99 `
    + `${t.ui.p99.toFixed(0)} ms; the request alone from Node p50 ${t.raw.p50.toFixed(1)} / p95 ${t.raw.p95.toFixed(1)} ms;`
    + ` ${t.notShown} answers whose options never showed, ${t.late} answers with a group late, ${t.timeouts} without an answer; medians: key to request `
    + `${t.keyToRequest.p50.toFixed(0)} ms, request in the browser ${t.requestInBrowser.p50.toFixed(1)} ms, last byte to `
    + `frame ${t.responseToFrame.p50.toFixed(1)} ms`);
}

writeFileSync(join(options.out, 'ui-results.json'), JSON.stringify(results, null, 2));
log(`UI results: ${join(options.out, 'ui-results.json')}`);

/** A person of the data set, for the 360° page: the first match of a common name. */
async function aParty(baseUrl, token) {
  const response = await fetch(`${baseUrl}/tessera/api/v1/parties?type=PERSON&limit=1&q=ber`, {
    headers: { authorization: `Bearer ${token}`, accept: 'application/json' },
  });
  const body = await response.json();
  const id = body.items?.[0]?.id;
  if (!id) {
    throw new Error(`no party found for the 360° page (${response.status})`);
  }
  return id;
}
