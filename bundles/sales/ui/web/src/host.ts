// The contract between the shell and a module's elements (docs: the web UI contract of issue 17).
// The shell's helper exports the same shapes; a module keeps its own copy of the types only, so
// that it builds without the shell's sources.

export interface TesseraHost {
  /** Same client the shell uses (bearer token, refresh, problem parsing). */
  api: TesseraApiClient;
  locale: 'en' | 'fr';
  /** The module's own messages. */
  t(key: string, vars?: Record<string, string | number>): string;
  /** e.g. 'sales/opportunities/12' (no leading '#/'). */
  navigate(route: string): void;
  /** Route params (':id'), for route elements. */
  params: Record<string, string>;
  /** The hash's query, for route elements. */
  query: URLSearchParams;
  /** For overview sections and party actions. */
  partyId?: string;
  /** For overview sections: that section's JSON from /v1/parties/{id}/overview. */
  section?: unknown;
  user: { login: string; roles: string[]; permissions: string[]; orgUnitId?: string };
  notify(message: string, kind?: 'info' | 'error'): void;
  formatMoney(amount: number | string, currency: string): string;
  formatDate(iso: string, withTime?: boolean): string;
}

/** Paths are relative to /tessera/api/v1, e.g. '/sales/opportunities'. */
export interface TesseraApiClient {
  get<T>(path: string, opts?: { query?: Record<string, string | string[] | undefined> }): Promise<ApiResponse<T>>;
  post<T>(path: string, body?: unknown, opts?: { headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  put<T>(path: string, body: unknown, opts?: { ifMatch?: string }): Promise<ApiResponse<T>>;
  /** JSON merge patch. */
  patch<T>(path: string, body: unknown, opts?: { ifMatch?: string }): Promise<ApiResponse<T>>;
  del(path: string, opts?: { ifMatch?: string }): Promise<ApiResponse<void>>;
}

export interface ApiResponse<T> {
  status: number;
  body: T;
  etag?: string;
  headers: Headers;
}

export interface ProblemDetails {
  type?: string;
  title?: string;
  detail?: string;
  errors?: { field: string; code?: string; message: string }[];
  [k: string]: unknown;
}

/**
 * What the shell's client throws for every non-2xx. Elements recognise it by shape (status and
 * problem), not by class identity: the shell's class is not this one.
 */
export interface ApiProblemLike extends Error {
  status: number;
  problem: ProblemDetails;
  fieldMessage(field: string): string | undefined;
}

export function isApiProblem(error: unknown): error is ApiProblemLike {
  return typeof error === 'object' && error !== null && typeof (error as ApiProblemLike).status === 'number'
    && typeof (error as ApiProblemLike).problem === 'object';
}
