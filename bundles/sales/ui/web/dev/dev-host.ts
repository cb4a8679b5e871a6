// A minimal stand-in for the shell, for developing and testing the sales elements before the shell
// exists: login with HTTP Basic (kept in sessionStorage, dev only), hash routes from tessera-ui.json,
// the host object of the contract, and a party page showing the sales overview sections.
import '../src/sales-ui';
import descriptor from '../public/tessera-ui.json';
import type { ApiResponse, ProblemDetails, TesseraApiClient, TesseraHost } from '@tessera/ui-host';

const API = '/tessera/api/v1';
type Locale = 'en' | 'fr';
let locale: Locale = (localStorage.getItem('tessera.locale') as Locale) ?? (navigator.language.startsWith('fr') ? 'fr' : 'en');
let credentials = sessionStorage.getItem('dev.basic') ?? '';
let user: TesseraHost['user'] | undefined;

class ApiProblem extends Error {
  constructor(public status: number, public problem: ProblemDetails) {
    super(problem.detail ?? problem.title ?? `HTTP ${status}`);
  }
  fieldMessage(field: string): string | undefined {
    return this.problem.errors?.find((e) => e.field === field)?.message;
  }
}

async function call<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
  const response = await fetch(API + path, {
    method,
    headers: { Authorization: `Basic ${credentials}`, 'X-Requested-With': 'XMLHttpRequest', Accept: 'application/json',
      ...(body === undefined ? {} : { 'Content-Type': method === 'PATCH' ? 'application/merge-patch+json' : 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const json = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    throw new ApiProblem(response.status, json ?? { title: response.statusText });
  }
  return { status: response.status, body: json as T, etag: response.headers.get('ETag') ?? undefined, headers: response.headers };
}

const api: TesseraApiClient = {
  get: (path, opts) => {
    const query = new URLSearchParams();
    for (const [k, v] of Object.entries(opts?.query ?? {})) {
      for (const value of Array.isArray(v) ? v : v === undefined ? [] : [v]) {
        query.append(k, value);
      }
    }
    return call('GET', query.toString() ? `${path}?${query}` : path);
  },
  post: (path, body, opts) => call('POST', path, body ?? {}, opts?.headers),
  put: (path, body, opts) => call('PUT', path, body, opts?.ifMatch ? { 'If-Match': opts.ifMatch } : {}),
  patch: (path, body, opts) => call('PATCH', path, body, opts?.ifMatch ? { 'If-Match': opts.ifMatch } : {}),
  del: (path, opts) => call('DELETE', path, undefined, opts?.ifMatch ? { 'If-Match': opts.ifMatch } : {}),
};

const messages = descriptor.messages as Record<Locale, Record<string, string>>;
function t(key: string, vars?: Record<string, string | number>): string {
  const text = messages[locale][key] ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(vars?.[name] ?? `{${name}}`));
}

function notify(message: string, kind: 'info' | 'error' = 'info'): void {
  const toast = document.getElementById('toast')!;
  toast.textContent = message;
  toast.className = `toast ${kind}`;
  toast.hidden = false;
}

function host(params: Record<string, string>, query: URLSearchParams, extra: Partial<TesseraHost> = {}): TesseraHost {
  return {
    api, locale, t, params, query, user: user!, notify,
    navigate: (route) => { location.hash = `#/${route}`; },
    formatMoney: (amount, currency) => new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-US', { style: 'currency', currency }).format(Number(amount)),
    formatDate: (iso, withTime) => new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-US',
      withTime ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium', timeZone: iso.length === 10 ? 'UTC' : undefined })
      .format(new Date(iso)),
    ...extra,
  };
}

function match(pattern: string, path: string): Record<string, string> | undefined {
  const p = pattern.split('/');
  const s = path.split('/');
  if (p.length !== s.length) {
    return undefined;
  }
  const params: Record<string, string> = {};
  for (let i = 0; i < p.length; i++) {
    if (p[i].startsWith(':')) {
      params[p[i].slice(1)] = decodeURIComponent(s[i]);
    } else if (p[i] !== s[i]) {
      return undefined;
    }
  }
  return params;
}

let current: { path: string; element: HTMLElement & { host?: TesseraHost } } | undefined;

async function route(): Promise<void> {
  const outlet = document.getElementById('outlet')!;
  if (!user) {
    current = undefined;
    outlet.innerHTML = `<form class="login"><h1>Sign in</h1><label>Login <input name="login" autocomplete="username"></label>
      <label>Password <input name="password" type="password" autocomplete="current-password"></label><button>Sign in</button>
      <p id="login-error" role="alert"></p></form>`;
    outlet.querySelector('form')!.addEventListener('submit', (e) => { e.preventDefault(); void login(new FormData(e.target as HTMLFormElement)); });
    return;
  }
  const [path, queryText] = location.hash.replace(/^#\/?/, '').split('?');
  const query = new URLSearchParams(queryText ?? '');
  const party = match('parties/:id', path);
  if (party) {
    current = undefined;
    const overview = (await api.get<{ sections: { module: string; section: string; title: string }[] }>(`/parties/${party.id}/overview`)).body;
    outlet.innerHTML = `<h1>Party ${party.id}</h1>`;
    for (const section of overview.sections.filter((s) => s.module === 'sales')) {
      const declared = descriptor.overviewSections.find((d) => d.key === section.section);
      if (!declared) {
        continue;
      }
      const wrapper = Object.assign(document.createElement('section'), { className: 'overview' });
      wrapper.dataset.section = section.section;
      wrapper.dataset.module = 'sales';
      wrapper.innerHTML = `<h2>${section.title}</h2>`;
      const element = document.createElement(declared.element) as HTMLElement & { host?: TesseraHost };
      element.host = host({}, query, { partyId: party.id, section });
      wrapper.append(element);
      outlet.append(wrapper);
    }
    return;
  }
  for (const r of descriptor.routes) {
    const params = match(r.path, path);
    if (params) {
      if (current?.path !== r.path) {
        outlet.replaceChildren();
        current = { path: r.path, element: document.createElement(r.element) };
        current.element.host = host(params, query);
        outlet.append(current.element);
      } else {
        current.element.host = host(params, query);
      }
      return;
    }
  }
  current = undefined;
  outlet.innerHTML = `<p>No route for ${path}</p>`;
}

async function login(form: FormData): Promise<void> {
  credentials = btoa(unescape(encodeURIComponent(`${form.get('login')}:${form.get('password')}`)));
  try {
    user = (await api.get<TesseraHost['user']>('/auth/me')).body;
    sessionStorage.setItem('dev.basic', credentials);
    chrome();
    await route();
  } catch (error) {
    document.getElementById('login-error')!.textContent = (error as Error).message;
  }
}

function chrome(): void {
  document.documentElement.lang = locale;
  document.getElementById('who')!.textContent = user?.login ?? '';
  const menu = document.getElementById('menu')!;
  menu.innerHTML = '';
  for (const entry of user ? descriptor.menu : []) {
    const li = document.createElement('li');
    li.innerHTML = `<a href="#/${entry.route}" data-module="sales">${t(entry.label)}</a>`;
    menu.append(li);
  }
  const button = document.getElementById('locale')!;
  button.textContent = locale === 'fr' ? 'English' : 'Français';
  button.onclick = () => {
    locale = locale === 'fr' ? 'en' : 'fr';
    localStorage.setItem('tessera.locale', locale);
    chrome();
    void route();
  };
}

window.addEventListener('hashchange', () => void route());
(async () => {
  if (credentials) {
    try {
      user = (await api.get<TesseraHost['user']>('/auth/me')).body;
    } catch {
      credentials = '';
    }
  }
  chrome();
  await route();
})();
