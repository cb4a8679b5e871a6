// (c) From a keystroke in the global search box to the typeahead results on screen, beside the same
// GET /v1/search timed alone from Node.
import { performance } from 'node:perf_hooks';
import { apiToken, launchPlaywright, signIn } from './browser.mjs';
import { seededRandom, summary } from './stats.mjs';

const SEARCH_PATH = '/tessera/api/v1/search';
const QUIET_MS = 400;

/**
 * One sample: the prefix is typed into the empty box, one key event per character as fast as the
 * browser takes them; the sample runs from the last key event to the first animation frame that shows
 * the options the page ends with once the answer for the whole prefix has arrived ("the options are
 * the final ones", not "some option changed", so that a loading state never counts as the answer).
 * It includes whatever the shell waits before asking (its debounce). Starting from the empty box makes
 * every sample visible: a keystroke after which the shown hits stay the same (at a million parties,
 * "bera" after "ber" often gives the same first hits) cannot be seen on screen. An answer whose options
 * never became visible (no hit, or the page did not show them) is counted apart, not measured;
 * UI_DEBUG=1 prints what the screen did in each such sample.
 */
export async function typeaheadLatency({ baseUrl, login, password, prefixes, samples, warmup, seed, log }) {
  const browser = await launchPlaywright();
  const token = await apiToken(baseUrl, login, password);
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await page.addInitScript(instrumentPage);
    const inFlight = trackSearches(page);
    await signIn(page, baseUrl, login, password);
    const combobox = page.getByRole('combobox', { name: 'Search' });
    await page.evaluate((box) => window.__tesseraBench.watch(box), await combobox.elementHandle());

    const random = seededRandom(seed);
    const ui = [];
    const raw = [];
    // where the time goes: the wait before the request (the shell's debounce), the request as the
    // browser saw it, and from its last byte to the frame that shows the options
    const inBrowser = [];
    const keyToRequest = [];
    const responseToFrame = [];
    let notShown = 0;
    let late = 0;
    let timeouts = 0;
    let searchUrl = null;
    for (let i = 0; i < warmup + samples; i++) {
      const prefix = prefixes[Math.floor(random() * prefixes.length)];
      await combobox.fill('');
      await page.evaluate(() => window.__tesseraBench.restartQuiet());
      await settled(page, inFlight);
      await page.evaluate(() => window.__tesseraBench.arm());
      const answered = page.waitForResponse((r) => isSearchFor(r.url(), prefix), { timeout: 10_000 })
        .catch(() => null);
      await page.keyboard.type(prefix);
      const response = await answered;
      // the answer's options come after it: the quiet period starts here, not at the last change seen
      // (a request finished and an old change would otherwise end the wait before the shell renders)
      await page.evaluate(() => window.__tesseraBench.restartQuiet());
      await settled(page, inFlight);
      const sample = await page.evaluate((q) => window.__tesseraBench.result(q), prefix);
      if (response === null) {
        timeouts++;
        continue;
      }
      searchUrl = response.url();
      // a group the server did not search in time (its budget) shows nothing: counted apart, not measured
      const groups = (await response.json().catch(() => ({}))).groups ?? [];
      if (groups.some((group) => group.status !== 'OK')) {
        late++;
        continue;
      }
      if (!sample.changed) {
        if (process.env.UI_DEBUG) {
          log(`  options not shown for '${prefix}': ${JSON.stringify({ ...sample, groups: groups.map((g) => [g.type, g.status, g.items?.length]) })}`);
        }
        notShown++;
        continue;
      }
      if (i < warmup) {
        continue;
      }
      ui.push(sample.renderedAt - sample.keyAt);
      if (sample.requestMs !== null) {
        inBrowser.push(sample.requestMs);
        keyToRequest.push(sample.keyToRequestMs);
        responseToFrame.push(sample.responseToFrameMs);
      }
      raw.push(await timeAlone(searchUrl, token));
      if (ui.length % 50 === 0) {
        log(`  typeahead: ${ui.length} samples, last '${prefix}' ${Math.round(ui.at(-1))} ms (raw ${raw.at(-1).toFixed(1)} ms)`);
      }
    }
    return {
      ui: summary(ui),
      keyToRequest: summary(keyToRequest),
      requestInBrowser: summary(inBrowser),
      responseToFrame: summary(responseToFrame),
      raw: summary(raw),
      notShown,
      late,
      timeouts,
      exampleUrl: searchUrl,
    };
  } finally {
    await browser.close();
  }
}

/** The same request as the shell's, from Node with the same kind of token: the API alone. */
async function timeAlone(url, token) {
  const start = performance.now();
  const response = await fetch(url, {
    headers: { authorization: `Bearer ${token}`, 'x-requested-with': 'XMLHttpRequest', accept: 'application/json' },
  });
  await response.arrayBuffer();
  const elapsed = performance.now() - start;
  if (response.status !== 200) {
    throw new Error(`${url}: ${response.status}`);
  }
  return elapsed;
}

function isSearchFor(url, prefix) {
  const parsed = new URL(url);
  return parsed.pathname === SEARCH_PATH && parsed.searchParams.get('q') === prefix;
}

function trackSearches(page) {
  const state = { count: 0 };
  const isSearch = (request) => new URL(request.url()).pathname === SEARCH_PATH;
  page.on('request', (r) => { if (isSearch(r)) state.count++; });
  page.on('requestfinished', (r) => { if (isSearch(r)) state.count--; });
  page.on('requestfailed', (r) => { if (isSearch(r)) state.count--; });
  return state;
}

/**
 * No search request in flight and the options unchanged for QUIET_MS (counted from the last change
 * or from the last restartQuiet(), whichever is later): the page is at rest.
 */
async function settled(page, inFlight) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const quietFor = await page.evaluate(() => window.__tesseraBench.quietFor());
    if (inFlight.count === 0 && quietFor >= QUIET_MS) {
      return;
    }
    if (Date.now() > deadline) {
      throw new Error('the search box did not come to rest within 10 s');
    }
    await page.waitForTimeout(Math.max(50, QUIET_MS - quietFor));
  }
}

/**
 * Runs in the page before the shell: watches, on every animation frame, the options of the search
 * box (through shadow roots), and the last keyboard or input event after arm().
 */
function instrumentPage() {
  performance.setResourceTimingBufferSize(100_000);
  // every visible option of the page: the search box's listbox may live in another shadow root than the box
  const optionsOf = () => {
    const texts = [];
    const visit = (root) => {
      for (const el of root.querySelectorAll('*')) {
        if (el.getAttribute('role') === 'option' && el.getClientRects().length > 0) {
          texts.push(el.textContent.replace(/\s+/g, ' ').trim());
        }
        if (el.shadowRoot) {
          visit(el.shadowRoot);
        }
      }
    };
    visit(document);
    return texts.join('\n');
  };
  const bench = {
    box: null,
    options: '',
    lastChangeAt: performance.now(),
    changes: [],
    keyAt: null,
    before: null,
    watch(box) {
      bench.box = box;
      bench.options = optionsOf();
      bench.lastChangeAt = performance.now();
    },
    frames: 0,
    arm() {
      bench.frames = 0;
      bench.before = bench.options;
      bench.changes = [];
      bench.keyAt = null;
      performance.clearResourceTimings();
    },
    restartQuiet() {
      bench.lastChangeAt = performance.now();
    },
    quietFor() {
      return performance.now() - bench.lastChangeAt;
    },
    result(query) {
      const final = bench.options;
      // the first frame from which the options were those the page ended with
      let renderedAt = null;
      for (const change of bench.changes) {
        if (change.at >= bench.keyAt) {
          renderedAt = change.options === final ? (renderedAt ?? change.at) : null;
        }
      }
      const entry = performance.getEntriesByType('resource')
        .filter((e) => e.name.includes('/v1/search?') && new URL(e.name).searchParams.get('q') === query).at(-1);
      return {
        changed: final !== bench.before && final !== '' && renderedAt !== null,
        keyAt: bench.keyAt,
        renderedAt,
        requestMs: entry ? entry.responseEnd - entry.startTime : null,
        keyToRequestMs: entry ? entry.startTime - bench.keyAt : null,
        responseToFrameMs: entry && renderedAt !== null ? renderedAt - entry.responseEnd : null,
        // what the screen did, for a sample that could not be measured (UI_DEBUG)
        trace: bench.changes.map((c) => [Math.round(c.at - bench.keyAt), c.options ? c.options.split('\n').length : 0]),
        optionsBefore: bench.before ? bench.before.split('\n').length : 0,
        frames: bench.frames,
        optionsNow: optionsOf().split('\n').filter(Boolean).length,
        active: document.activeElement?.shadowRoot?.activeElement?.tagName ?? document.activeElement?.tagName,
      };
    },
  };
  // the last key event of the typed prefix: the keystroke the results answer
  const onInput = () => {
    bench.keyAt = performance.now();
  };
  for (const type of ['keydown', 'beforeinput', 'input']) {
    window.addEventListener(type, onInput, true);
  }
  const frame = () => {
    bench.frames++;
    if (bench.box) {
      const now = performance.now();
      const options = optionsOf();
      if (options !== bench.options) {
        bench.options = options;
        bench.lastChangeAt = now;
        bench.changes.push({ at: now, options });
      }
    }
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  window.__tesseraBench = bench;
}
