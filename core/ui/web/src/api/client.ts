import type { ApiResponse, Query, TesseraApiClient } from '../host';
import { ApiProblem, networkProblem, problemFrom } from './problem';

export const API_BASE = '/tessera/api/v1';
const SESSION_KEY = 'tessera.session';

/** What survives a reload (sessionStorage): the token, never the password. */
export interface StoredSession {
  login: string;
  token: string;
  issuedAt: number;
  expiresAt: number;
}

/**
 * When to fetch a new token: once 80 % of its life has passed, and at least a minute before it
 * expires, so that a slow answer or a machine asleep for a moment does not leave a request without one.
 */
export function refreshDelay(issuedAt: number, expiresAt: number, now: number): number {
  const lifetime = Math.max(0, expiresAt - issuedAt);
  const refreshAt = Math.min(issuedAt + lifetime * 0.8, expiresAt - 60_000);
  return Math.max(0, refreshAt - now);
}

/** HTTP Basic credentials, UTF-8 encoded (accented logins and passwords included). */
export function basicAuthorization(login: string, password: string): string {
  const bytes = new TextEncoder().encode(`${login}:${password}`);
  let binary = '';
  bytes.forEach((byte) => (binary += String.fromCharCode(byte)));
  return `Basic ${btoa(binary)}`;
}

export function buildUrl(base: string, path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) {
      if (one !== '') params.append(key, one);
    }
  }
  const search = params.toString();
  return `${base}${path}${search ? `?${search}` : ''}`;
}

export interface ApiClientOptions {
  base?: string;
  fetchImpl?: typeof fetch;
  storage?: Storage;
  now?: () => number;
}

interface RequestOptions {
  query?: Query;
  body?: unknown;
  headers?: Record<string, string>;
  ifMatch?: string;
  signal?: AbortSignal;
  contentType?: string;
}

/**
 * The API client of the shell, handed to module UIs through the host: bearer token from
 * `POST /v1/auth/token`, refreshed before expiry; every failure thrown as an {@link ApiProblem}.
 *
 * Events: `session-lost` (the token was refused or could not be renewed) and `session-expiring`
 * (the token is about to expire and, after a reload, no password is in memory to renew it).
 */
export class ApiClient extends EventTarget implements TesseraApiClient {
  private readonly base: string;
  private readonly fetchImpl: typeof fetch;
  private readonly storage?: Storage;
  private readonly now: () => number;
  private session: StoredSession | null = null;
  /** Kept in memory only, to renew the token: never stored. */
  private password: string | null = null;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: ApiClientOptions = {}) {
    super();
    this.base = options.base ?? API_BASE;
    this.fetchImpl = options.fetchImpl ?? ((input, init) => fetch(input, init));
    this.storage = options.storage ?? (typeof sessionStorage !== 'undefined' ? sessionStorage : undefined);
    this.now = options.now ?? (() => Date.now());
  }

  get currentLogin(): string | undefined {
    return this.session?.login;
  }

  get expiresAt(): number | undefined {
    return this.session?.expiresAt;
  }

  /** Takes back the session of this tab after a reload, if its token still has some life. */
  restore(): boolean {
    const raw = this.storage?.getItem(SESSION_KEY);
    if (!raw) return false;
    try {
      const stored = JSON.parse(raw) as StoredSession;
      if (typeof stored.token !== 'string' || !(stored.expiresAt - this.now() > 5_000)) {
        this.storage?.removeItem(SESSION_KEY);
        return false;
      }
      this.session = stored;
      this.scheduleRefresh();
      return true;
    } catch {
      this.storage?.removeItem(SESSION_KEY);
      return false;
    }
  }

  /** Exchanges a login and password for a token; throws an ApiProblem (401, 429…) when refused. */
  async login(login: string, password: string): Promise<void> {
    const issuedAt = this.now();
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.base}/auth/token`, {
        method: 'POST',
        headers: {
          Authorization: basicAuthorization(login, password),
          Accept: 'application/json',
          'X-Requested-With': 'XMLHttpRequest',
        },
      });
    } catch (error) {
      throw networkProblem(error);
    }
    if (!response.ok) throw await problemFrom(response);
    const body = (await response.json()) as { access_token: string; expires_in: number };
    this.session = { login, token: body.access_token, issuedAt, expiresAt: issuedAt + body.expires_in * 1000 };
    this.password = password;
    this.storage?.setItem(SESSION_KEY, JSON.stringify(this.session));
    this.scheduleRefresh();
  }

  /** Drops the token (the server keeps no session to end). */
  logout(): void {
    this.clear();
  }

  private clear(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = undefined;
    this.session = null;
    this.password = null;
    this.storage?.removeItem(SESSION_KEY);
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    const session = this.session;
    if (!session) return;
    const delay = refreshDelay(session.issuedAt, session.expiresAt, this.now());
    this.refreshTimer = setTimeout(() => void this.renew(), delay);
  }

  /** Renews the token with the password in memory; without one, asks the shell to ask the user. */
  async renew(): Promise<void> {
    const session = this.session;
    if (!session) return;
    if (this.password === null) {
      this.dispatchEvent(new CustomEvent('session-expiring', { detail: { login: session.login, expiresAt: session.expiresAt } }));
      return;
    }
    try {
      await this.login(session.login, this.password);
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 0 && this.now() < session.expiresAt - 5_000) {
        // the network failed, the token still lives: try again shortly
        this.refreshTimer = setTimeout(() => void this.renew(), 10_000);
        return;
      }
      this.clear();
      this.dispatchEvent(new CustomEvent('session-lost', { detail: { reason: 'expired' } }));
    }
  }

  async request<T>(method: string, path: string, options: RequestOptions = {}): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = {
      Accept: 'application/json, application/problem+json',
      'X-Requested-With': 'XMLHttpRequest',
      ...options.headers,
    };
    if (this.session) headers.Authorization = `Bearer ${this.session.token}`;
    if (options.ifMatch) headers['If-Match'] = options.ifMatch;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['Content-Type'] = options.contentType ?? 'application/json';
    }
    let response: Response;
    try {
      response = await this.fetchImpl(buildUrl(this.base, path, options.query), {
        method,
        headers,
        body,
        signal: options.signal,
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkProblem(error);
    }
    const etag = response.headers.get('ETag') ?? undefined;
    if (response.status === 304) {
      return { status: 304, body: undefined as T, etag, headers: response.headers };
    }
    if (!response.ok) {
      const problem = await problemFrom(response);
      if (problem.status === 401 && this.session) {
        this.clear();
        this.dispatchEvent(new CustomEvent('session-lost', { detail: { reason: 'unauthorized' } }));
      }
      throw problem;
    }
    let parsed: unknown = undefined;
    if (response.status !== 204) {
      const text = await response.text();
      const type = response.headers.get('Content-Type') ?? '';
      parsed = text && type.includes('json') ? JSON.parse(text) : text || undefined;
    }
    return { status: response.status, body: parsed as T, etag, headers: response.headers };
  }

  get<T>(path: string, opts: { query?: Query; headers?: Record<string, string>; signal?: AbortSignal } = {}) {
    return this.request<T>('GET', path, opts);
  }

  post<T>(path: string, body?: unknown, opts: { headers?: Record<string, string> } = {}) {
    return this.request<T>('POST', path, { body: body === undefined ? {} : body, headers: opts.headers });
  }

  put<T>(path: string, body: unknown, opts: { ifMatch?: string } = {}) {
    return this.request<T>('PUT', path, { body, ifMatch: opts.ifMatch });
  }

  patch<T>(path: string, body: unknown, opts: { ifMatch?: string } = {}) {
    return this.request<T>('PATCH', path, { body, ifMatch: opts.ifMatch, contentType: 'application/merge-patch+json' });
  }

  del(path: string, opts: { ifMatch?: string } = {}) {
    return this.request<void>('DELETE', path, { ifMatch: opts.ifMatch });
  }
}
