/**
 * @tessera/ui-host/testing: what the unit tests of every module UI share, so that each module does not
 * keep its own copy of them: a fake host for an element, and the check of a module's tessera-ui.json
 * against its sources.
 *
 * Only tests import it (never a module's src/), so none of it reaches a module's bundle. It is plain
 * TypeScript with type imports only, no `vitest` and no `node:*`: the modules reach this file through a
 * symlink in their node_modules, and from here those would not resolve. A test reads its own files and
 * makes its own assertions (`expect(descriptorFaults(...)).toEqual([])`).
 */
import type { ApiResponse, Query, TesseraApiClient, TesseraHost } from './index';

// ---------------------------------------------------------------------------------------------------
// A fake host

/** One request an element made through the fake host's API. */
export interface ApiCall {
  path: string;
  /** A GET's query. */
  query?: Query;
  /** A POST's body. */
  body?: unknown;
}

/**
 * A host as the shell gives it, with an API that answers GETs and POSTs from a script, in order, and
 * records each call: a test asserts on what the element asked for and on what it drew. An `Error` in
 * the script is thrown instead of answered (give it `status` and `problem` to be an ApiProblem); when
 * the script is used up, the answers' bodies are `undefined`. PUT, PATCH and DELETE are refused: no
 * test expects them yet.
 *
 * `t` gives the key and its variables (`list.titleOfParty {"partyId":"12"}`), so that a test sees which
 * message was asked for with which values; `formatDate` gives `date(<iso>)`, `formatMoney` `<amount>
 * <currency>`. `overrides` replace any member (a route's `params` or `query`, a section's `partyId`
 * and `section`, another `locale` and `t`).
 */
export function fakeHost(answers: Array<unknown | Error>, overrides: Partial<TesseraHost> = {}): { host: TesseraHost; calls: ApiCall[] } {
  const calls: ApiCall[] = [];
  const next = <T>(): ApiResponse<T> => {
    const answer = answers.shift();
    if (answer instanceof Error) throw answer;
    return { status: 200, body: answer as T, headers: new Headers() };
  };
  const refused = (method: string) => (path: string) => Promise.reject(new Error(`fakeHost: ${method} ${path} not expected`));
  const api: TesseraApiClient = {
    async get<T>(path: string, opts?: { query?: Query }): Promise<ApiResponse<T>> {
      calls.push({ path, query: opts?.query });
      return next<T>();
    },
    async post<T>(path: string, body?: unknown): Promise<ApiResponse<T>> {
      calls.push({ path, body });
      return next<T>();
    },
    put: refused('PUT'),
    patch: refused('PATCH'),
    del: refused('DELETE'),
  };
  const host: TesseraHost = {
    api,
    locale: 'en',
    t: (key, vars) => (vars ? `${key} ${JSON.stringify(vars)}` : key),
    navigate: () => undefined,
    params: {},
    query: new URLSearchParams(),
    user: { login: 'agent', roles: [], permissions: [] },
    notify: () => undefined,
    formatMoney: (amount, currency) => `${amount} ${currency}`,
    formatDate: (iso) => `date(${iso})`,
    ...overrides,
  };
  return { host, calls };
}

/**
 * Waits until a Lit element has drawn the answers of its pending API calls: its update is complete and
 * its `loading` (if it has one) is false. The fake API answers in a later microtask than the element's
 * first update, hence more than one `updateComplete`. Throws when the element is still loading after 20
 * turns, rather than letting a test assert on a half-drawn element.
 */
export async function settled(element: HTMLElement & { updateComplete: Promise<boolean>; loading?: boolean }): Promise<void> {
  for (let i = 0; i < 20; i++) {
    await element.updateComplete;
    await new Promise((resolve) => setTimeout(resolve, 0));
    if (!element.loading) {
      await element.updateComplete;
      return;
    }
  }
  throw new Error('the element is still loading');
}

// ---------------------------------------------------------------------------------------------------
// The descriptor against the sources

/** The locales every descriptor has messages for (the core refuses one without them). */
const LOCALES = ['en', 'fr'] as const;

/** What {@link descriptorFaults} checks a module's descriptor against. */
export interface DescriptorCheck {
  /** The module's name: the descriptor's `module`, its entry `<module>-ui.js`, its routes' first segment. */
  module: string;
  /** The module's `src/*.ts`, joined: the message keys its elements ask for and the elements its entry defines are read from it. */
  sources: string;
  /**
   * The entry's tags and classes, when the entry exports them: then the routes and overview sections
   * must declare exactly these tags, and each must be defined as its class (when there is a
   * `customElements`, i.e. the test imported the entry in a DOM environment). Without it, the tags are
   * read from the sources' `'tessera-<module>-…': Class` entries, which may include inner elements: the
   * declared tags must be among them.
   */
  elements?: Record<string, CustomElementConstructor>;
  /** Message keys the elements build at run time (e.g. `status.${s}`), which the sources do not spell out. */
  builtKeys?: readonly string[];
}

/**
 * The message keys the sources ask for by name: `t('key')` (also `this.t`, `host.t`) and both keys of
 * `t(condition ? 'a' : 'b')`. Not the keys built at run time.
 */
export function messageKeys(sources: string): string[] {
  const keys = [...sources.matchAll(/\bt\((['"])([^'"\n]+)\1/g)].map((m) => m[2]);
  for (const m of sources.matchAll(/\bt\([^()?,'"\n]*(?:(['"])[^'"\n]*\1[^()?,'"\n]*)*\?\s*(['"])([^'"\n]+)\2\s*:\s*(['"])([^'"\n]+)\4/g)) {
    keys.push(m[3], m[5]);
  }
  return [...new Set(keys)];
}

/**
 * The faults of a module's `tessera-ui.json` that the core would refuse it for, or that would show a
 * user a raw key or an unknown element, as readable lines; empty when there is none. Checked at build
 * time, so that a module's author learns them from `npm test` rather than from the log of a running
 * Tessera, with what only the sources know: the message keys the elements ask for and the elements the
 * entry defines.
 *
 * - `module` is the module, `entry` is `<module>-ui.js` (the file the build writes);
 * - English and French have the same keys, the same `{placeholders}` in each message, none empty;
 * - a message in both for every key the sources ask for by name (there is at least one), every built
 *   key given, every menu entry's and party action's label;
 * - every route lies under `<module>/`, every menu entry's route is a declared route;
 * - the routes' and overview sections' elements are the ones the entry defines (see `elements`).
 *
 * The core checks the rest of the format when the bundle starts (field names, id and route syntax).
 */
export function descriptorFaults(descriptor: unknown, options: DescriptorCheck): string[] {
  if (!isObject(descriptor)) return ['the descriptor is not a JSON object'];
  const { module, sources } = options;
  const faults: string[] = [];

  if (descriptor.module !== module) faults.push(`module: ${show(descriptor.module)}, should be '${module}'`);
  const entry = `${module}-ui.js`;
  if (descriptor.entry !== entry) faults.push(`entry: ${show(descriptor.entry)}, should be '${entry}' (the file the build writes)`);

  // messages: the same keys and placeholders in every locale, none empty
  const messages = isObject(descriptor.messages) ? descriptor.messages : {};
  const texts = new Map<string, Record<string, string>>();
  for (const locale of LOCALES) {
    const given = messages[locale];
    if (!isObject(given)) {
      faults.push(`messages.${locale}: missing (an object of messages is required)`);
      continue;
    }
    const strings: Record<string, string> = {};
    for (const [key, text] of Object.entries(given)) {
      if (typeof text !== 'string') faults.push(`messages.${locale}.${key}: ${show(text)} is not a string`);
      else if (text.trim() === '') faults.push(`messages.${locale}.${key}: empty`);
      else strings[key] = text;
    }
    texts.set(locale, strings);
  }
  const has = (locale: string, key: string) => Object.hasOwn(messages[locale] as object, key);

  // every key asked for has a message in every locale
  const asked = new Map<string, string>();
  const ask = (key: string, by: string) => {
    if (!asked.has(key)) asked.set(key, by);
  };
  const named = messageKeys(sources);
  if (named.length === 0) faults.push("sources: no t('…') found: are these the module's src/*.ts?");
  named.forEach((key) => ask(key, `t('${key}') in the sources`));
  (options.builtKeys ?? []).forEach((key) => ask(key, 'the built keys'));
  const menu = objects(descriptor, 'menu', faults);
  const actions = objects(descriptor, 'partyActions', faults);
  for (const [field, items] of [['menu', menu], ['partyActions', actions]] as const) {
    items.forEach((item, i) => {
      if (typeof item.label === 'string') ask(item.label, `${field}[${i}].label`);
      else faults.push(`${field}[${i}].label: ${show(item.label)} is not a message key`);
    });
  }
  for (const [key, by] of asked) {
    const lacking = [...texts.keys()].filter((locale) => !has(locale, key));
    if (lacking.length > 0) faults.push(`no message '${key}' (asked for by ${by}) in ${lacking.map((l) => `messages.${l}`).join(', ')}`);
  }

  // what one locale has and another lacks, and the placeholders of what both have
  const [first, ...others] = [...texts.keys()];
  for (const other of others) {
    for (const [locale, than] of [[first, other], [other, first]]) {
      for (const key of Object.keys(messages[locale] as object)) {
        if (!has(than, key) && !asked.has(key)) faults.push(`messages.${than}.${key}: missing (messages.${locale} has it)`);
      }
    }
    for (const [key, text] of Object.entries(texts.get(first)!)) {
      const translated = texts.get(other)![key];
      if (translated === undefined) continue;
      const expected = placeholders(text);
      const found = placeholders(translated);
      if (expected.join() !== found.join()) {
        faults.push(`messages.${other}.${key}: placeholders ${found.join(' ') || 'none'}, but messages.${first} has ${expected.join(' ') || 'none'}`);
      }
    }
  }

  // routes under the module, menu entries to declared routes
  const routes = objects(descriptor, 'routes', faults);
  const paths = new Set<unknown>();
  routes.forEach((route, i) => {
    paths.add(route.path);
    if (typeof route.path !== 'string' || !route.path.startsWith(`${module}/`)) {
      faults.push(`routes[${i}].path: ${show(route.path)} is not under '${module}/'`);
    }
  });
  menu.forEach((item, i) => {
    if (!paths.has(item.route)) faults.push(`menu[${i}].route: ${show(item.route)} is not a declared route's path`);
  });

  // the declared elements are the entry's
  const sections = objects(descriptor, 'overviewSections', faults);
  const declared = new Map<string, string>();
  for (const [field, items] of [['routes', routes], ['overviewSections', sections]] as const) {
    items.forEach((item, i) => {
      if (typeof item.element === 'string') {
        if (!declared.has(item.element)) declared.set(item.element, `${field}[${i}].element`);
      } else {
        faults.push(`${field}[${i}].element: ${show(item.element)} is not a custom element's name`);
      }
    });
  }
  if (options.elements) {
    const elements = options.elements;
    const defined = Object.keys(elements);
    for (const [tag, at] of declared) {
      if (!Object.hasOwn(elements, tag)) faults.push(`${at}: '${tag}' is not an element the entry defines (${defined.join(', ') || 'none'})`);
      else if (typeof customElements !== 'undefined' && customElements.get(tag) !== elements[tag]) {
        faults.push(`${at}: '${tag}' is not defined as the entry's class (customElements.get gives ${customElements.get(tag)?.name ?? 'nothing'})`);
      }
    }
    for (const tag of defined) {
      if (!declared.has(tag)) faults.push(`the entry defines '${tag}', which no route nor overview section declares`);
    }
  } else {
    const prefix = `tessera-${module}-`.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const defined = new Set([...sources.matchAll(new RegExp(`(['"])(${prefix}[\\w-]+)\\1\\s*:`, 'g'))].map((m) => m[2]));
    for (const [tag, at] of declared) {
      if (!defined.has(tag)) {
        faults.push(`${at}: '${tag}' is not an element the entry defines (the sources map ${[...defined].join(', ') || "no 'tessera-" + module + "-…' tag"} to a class)`);
      }
    }
  }
  return faults;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The objects of one of the descriptor's lists; none when it has no such list (the core allows that). */
function objects(descriptor: Record<string, unknown>, field: string, faults: string[]): Record<string, unknown>[] {
  const list = descriptor[field];
  if (list === undefined || list === null) return [];
  if (!Array.isArray(list)) {
    faults.push(`${field}: not a list`);
    return [];
  }
  const found: Record<string, unknown>[] = [];
  list.forEach((item, i) => {
    if (isObject(item)) found.push(item);
    else faults.push(`${field}[${i}]: ${show(item)} is not an object`);
  });
  return found;
}

/** A message's `{placeholders}`, sorted, each as often as it occurs. */
function placeholders(text: string): string[] {
  return (text.match(/\{\w+\}/g) ?? []).sort();
}

function show(value: unknown): string {
  return value === undefined ? 'missing' : JSON.stringify(value);
}
