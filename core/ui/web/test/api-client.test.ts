import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient, basicAuthorization, buildUrl, refreshDelay } from '../src/api/client';
import { ApiProblem, problemFrom } from '../src/api/problem';

function json(body: unknown, status = 200, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });
}

class MemoryStorage implements Storage {
  private map = new Map<string, string>();
  get length() { return this.map.size; }
  clear() { this.map.clear(); }
  getItem(key: string) { return this.map.get(key) ?? null; }
  key(index: number) { return [...this.map.keys()][index] ?? null; }
  removeItem(key: string) { this.map.delete(key); }
  setItem(key: string, value: string) { this.map.set(key, value); }
}

describe('problem parsing', () => {
  it('reads a problem with field errors', async () => {
    const problem = await problemFrom(
      new Response(JSON.stringify({ type: 'urn:tessera:problem:validation', title: 'Validation failed', status: 422,
        errors: [{ field: 'contactMechanisms[0].value', code: 'invalid', message: 'not an email address' }] }),
      { status: 422, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(422);
    expect(problem.fieldMessage('contactMechanisms[0].value')).toBe('not an email address');
    expect(problem.fieldMessage('contactMechanisms[0]')).toBeUndefined();
    expect(problem.unmatchedErrors((field) => field.startsWith('contact'))).toEqual([]);
  });

  it('survives a body that is not a problem', async () => {
    const problem = await problemFrom(new Response('<html>oops</html>', { status: 502, statusText: 'Bad Gateway', headers: { 'Content-Type': 'text/html' } }));
    expect(problem.status).toBe(502);
    expect(problem.problem.title).toBe('Bad Gateway');
    expect(problem.errors).toEqual([]);
    const odd = await problemFrom(json({ errors: 'not a list' }, 400));
    expect(odd.errors).toEqual([]);
  });
});

describe('token refresh timing', () => {
  it('refreshes at 80 % of a long token life', () => {
    const hour = 3_600_000;
    expect(refreshDelay(0, hour, 0)).toBe(0.8 * hour);
    expect(refreshDelay(0, hour, 0.5 * hour)).toBe(0.3 * hour);
  });

  it('refreshes at least a minute before expiry, and at once when late', () => {
    expect(refreshDelay(0, 120_000, 0)).toBe(60_000);
    expect(refreshDelay(0, 3_600_000, 3_590_000)).toBe(0);
  });
});

describe('ApiClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('encodes Basic credentials as UTF-8 and builds query strings', () => {
    expect(basicAuthorization('rené', 'pé')).toBe(`Basic ${Buffer.from('rené:pé', 'utf8').toString('base64')}`);
    expect(buildUrl('/api', '/parties', { q: 'bé rard', type: undefined, classification: '', tag: ['a', 'b'] })).toBe('/api/parties?q=b%C3%A9+rard&tag=a&tag=b');
  });

  it('logs in with Basic, then sends the bearer token and X-Requested-With', async () => {
    const calls: Array<{ url: string; init: RequestInit }> = [];
    const fetchImpl = vi.fn(async (url: RequestInfo | URL, init?: RequestInit) => {
      calls.push({ url: String(url), init: init ?? {} });
      if (String(url).endsWith('/auth/token')) return json({ access_token: 'T1', token_type: 'Bearer', expires_in: 3600 });
      return json({ items: [] }, 200, { ETag: '"3"' });
    });
    const client = new ApiClient({ base: '/api', fetchImpl: fetchImpl as typeof fetch, storage: new MemoryStorage(), now: () => Date.now() });
    await client.login('mdupont', 'secret');
    const answer = await client.get('/parties');
    expect(answer.etag).toBe('"3"');
    const headers = calls[1].init.headers as Record<string, string>;
    expect(headers.Authorization).toBe('Bearer T1');
    expect(headers['X-Requested-With']).toBe('XMLHttpRequest');
    expect((calls[0].init.headers as Record<string, string>).Authorization).toMatch(/^Basic /);
  });

  it('renews the token before it expires, with the password kept in memory', async () => {
    let issued = 0;
    const fetchImpl = vi.fn(async () => json({ access_token: `T${++issued}`, token_type: 'Bearer', expires_in: 3600 }));
    const storage = new MemoryStorage();
    const client = new ApiClient({ base: '/api', fetchImpl: fetchImpl as typeof fetch, storage, now: () => Date.now() });
    await client.login('mdupont', 'secret');
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(0.8 * 3_600_000 - 1000);
    expect(fetchImpl).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(2000);
    expect(fetchImpl).toHaveBeenCalledTimes(2);
    expect(JSON.parse(storage.getItem('tessera.session')!).token).toBe('T2');
    expect(storage.getItem('tessera.session')).not.toContain('secret');
  });

  it('after a reload, asks the shell for the password when the token is about to expire', async () => {
    const storage = new MemoryStorage();
    const now = Date.now();
    storage.setItem('tessera.session', JSON.stringify({ login: 'mdupont', token: 'T', issuedAt: now - 1000, expiresAt: now + 3_599_000 }));
    const client = new ApiClient({ base: '/api', fetchImpl: vi.fn() as unknown as typeof fetch, storage, now: () => Date.now() });
    const expiring = vi.fn();
    client.addEventListener('session-expiring', expiring);
    expect(client.restore()).toBe(true);
    await vi.advanceTimersByTimeAsync(3_600_000 * 0.8);
    expect(expiring).toHaveBeenCalledTimes(1);
  });

  it('refuses an expired stored session', () => {
    const storage = new MemoryStorage();
    storage.setItem('tessera.session', JSON.stringify({ login: 'x', token: 'T', issuedAt: 0, expiresAt: Date.now() - 1 }));
    const client = new ApiClient({ base: '/api', fetchImpl: vi.fn() as unknown as typeof fetch, storage });
    expect(client.restore()).toBe(false);
    expect(storage.getItem('tessera.session')).toBeNull();
  });

  it('throws problems, and drops the session on a 401', async () => {
    const fetchImpl = vi.fn(async (url: RequestInfo | URL) =>
      String(url).endsWith('/auth/token')
        ? json({ access_token: 'T', token_type: 'Bearer', expires_in: 3600 })
        : new Response(JSON.stringify({ title: 'Unauthorized', status: 401 }), { status: 401, headers: { 'Content-Type': 'application/problem+json' } }),
    );
    const client = new ApiClient({ base: '/api', fetchImpl: fetchImpl as typeof fetch, storage: new MemoryStorage() });
    await client.login('a', 'b');
    const lost = vi.fn();
    client.addEventListener('session-lost', lost);
    await expect(client.get('/parties')).rejects.toMatchObject({ status: 401 });
    expect(lost).toHaveBeenCalledTimes(1);
    expect(client.currentLogin).toBeUndefined();
  });

  it('sends merge patches with If-Match', async () => {
    const fetchImpl = vi.fn(async () => json({ id: '1' }, 200, { ETag: '"2"' }));
    const client = new ApiClient({ base: '/api', fetchImpl: fetchImpl as typeof fetch, storage: new MemoryStorage() });
    await client.patch('/parties/1', { jobTitle: 'x' }, { ifMatch: '"1"' });
    const init = (fetchImpl.mock.calls[0] as unknown as [string, RequestInit])[1];
    const headers = init.headers as Record<string, string>;
    expect(init.method).toBe('PATCH');
    expect(headers['Content-Type']).toBe('application/merge-patch+json');
    expect(headers['If-Match']).toBe('"1"');
  });
});
