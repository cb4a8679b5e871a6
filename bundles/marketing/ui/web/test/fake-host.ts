import type { ApiResponse, TesseraApiClient, TesseraHost } from '@tessera/ui-host';

export interface ApiCall {
  path: string;
  query?: Record<string, string | string[] | undefined>;
  body?: unknown;
}

/** A host as the shell gives it, with an API that answers from a script and records each call. */
export function fakeHost(answers: Array<unknown | Error>, overrides: Partial<TesseraHost> = {}) {
  const calls: ApiCall[] = [];
  const api: TesseraApiClient = {
    async get<T>(path: string, opts?: { query?: Record<string, string | string[] | undefined> }): Promise<ApiResponse<T>> {
      calls.push({ path, query: opts?.query });
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return { status: 200, body: answer as T, headers: new Headers() };
    },
    async post<T>(path: string, body?: unknown): Promise<ApiResponse<T>> {
      calls.push({ path, body });
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return { status: 200, body: answer as T, headers: new Headers() };
    },
    put: () => Promise.reject(new Error('not expected')),
    patch: () => Promise.reject(new Error('not expected')),
    del: () => Promise.reject(new Error('not expected')),
  };
  const host: TesseraHost = {
    api,
    locale: 'en',
    // the key and its variables, so that a test sees which message and which values were asked for
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

/** Waits until the element has drawn the answers of its pending API calls. */
export async function settled(element: HTMLElement & { updateComplete: Promise<boolean>; loading?: boolean }) {
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
