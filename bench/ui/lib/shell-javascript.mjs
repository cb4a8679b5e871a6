// (b) The JavaScript the shell ships before module UIs, as the browser fetched it.
import { gzipSync } from 'node:zlib';
import { launchPlaywright, signIn } from './browser.mjs';

// Module UIs are served under /tessera/ui/<module>/ (UI contract, "URLs"): they are not the shell's.
const MODULE_UI_PREFIX = '/tessera/ui/';
const SHARED_LIT = '/tessera/vendor/lit.js';

/**
 * Every JavaScript response of a fresh browser (empty cache) from opening /tessera/ to the signed-in
 * shell at rest, the module UIs left out: its size on the wire, decoded, and gzip-compressed here at
 * zlib's default level (what a server's gzip would send; the distribution may send it uncompressed).
 */
export async function shellJavaScript({ baseUrl, login, password, log }) {
  const browser = await launchPlaywright();
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    const seen = new Map();
    const pending = [];
    let recording = true;
    page.on('response', (response) => {
      // the shell polls on after the last figure is taken: those answers are not read any more
      if (recording) {
        pending.push(record(response, seen).catch((error) => seen.set(response.url(), { error: String(error) })));
      }
    });
    await page.goto(`${baseUrl}/tessera/`);
    await page.waitForLoadState('networkidle');
    const beforeSignIn = await settle(pending, seen);
    await signIn(page, baseUrl, login, password);
    // the shell polls /v1/ui/extensions each second; networkidle allows 500 ms of quiet, which that leaves
    await page.waitForLoadState('networkidle');
    const all = await settle(pending, seen);
    recording = false;
    const unread = all.filter((f) => f.error);
    if (unread.length) {
      throw new Error(`could not read ${unread.length} JavaScript responses: ${unread[0].error}`);
    }
    const shell = all.filter((f) => !new URL(f.url).pathname.startsWith(MODULE_UI_PREFIX));
    const modules = all.filter((f) => new URL(f.url).pathname.startsWith(MODULE_UI_PREFIX));
    const lit = shell.find((f) => new URL(f.url).pathname === SHARED_LIT);
    for (const f of shell) {
      log(`  shell js ${new URL(f.url).pathname}: ${f.decodedBytes} B, gzip ${f.gzipBytes} B, on the wire ${f.wireBytes} B`
        + ` (${f.contentEncoding || 'identity'})`);
    }
    return {
      files: shell,
      moduleFiles: modules.map((f) => ({ url: f.url, gzipBytes: f.gzipBytes })),
      gzipBytes: sum(shell, 'gzipBytes'),
      decodedBytes: sum(shell, 'decodedBytes'),
      wireBytes: sum(shell, 'wireBytes'),
      beforeSignInGzipBytes: sum(beforeSignIn.filter((f) => !new URL(f.url).pathname.startsWith(MODULE_UI_PREFIX)), 'gzipBytes'),
      moduleGzipBytes: sum(modules, 'gzipBytes'),
      litGzipBytes: lit ? lit.gzipBytes : Number.NaN,
    };
  } finally {
    await browser.close();
  }
}

async function record(response, seen) {
  const url = response.url();
  const type = response.request().resourceType();
  const contentType = response.headers()['content-type'] ?? '';
  if (seen.has(url) || response.status() !== 200 || !(type === 'script' || /javascript/.test(contentType))) {
    return;
  }
  seen.set(url, null);
  const body = await response.body();
  const sizes = await response.request().sizes();
  seen.set(url, {
    url,
    decodedBytes: body.length,
    gzipBytes: gzipSync(body).length,
    wireBytes: sizes.responseBodySize,
    contentEncoding: response.headers()['content-encoding'] ?? '',
  });
}

async function settle(pending, seen) {
  await Promise.all(pending);
  return [...seen.values()].filter(Boolean);
}

function sum(files, key) {
  return files.reduce((total, f) => total + f[key], 0);
}
