/**
 * @tessera/ui-host: what the Tessera shell gives the elements of a module's UI
 * (docs/writing-a-module.md, "The web UI"). The shell and every module UI build against this one
 * package; a module imports only types and the small helpers below from it, so nothing of the
 * shell is bundled into a module.
 *
 * The shell creates a module element by tag and sets `host` before connecting it, and sets a new
 * host object again when the locale, the user or the route's parameters change.
 */

export interface ApiResponse<T> {
  status: number;
  body: T;
  etag?: string;
  headers: Headers;
}

export interface FieldProblem {
  field: string;
  code?: string;
  message: string;
}

/** RFC 9457 problem details as the Tessera API sends them. */
export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: FieldProblem[];
  [k: string]: unknown;
}

/** What the API client throws for every answer that is not 2xx (or 304 to a conditional GET). */
export interface ApiProblem extends Error {
  status: number;
  problem: ProblemDetails;
  fieldMessage(field: string): string | undefined;
}

export type Query = Record<string, string | string[] | undefined>;

/** Paths are relative to /tessera/api/v1, e.g. '/sales/opportunities'. */
export interface TesseraApiClient {
  get<T>(path: string, opts?: { query?: Query; headers?: Record<string, string>; signal?: AbortSignal }): Promise<ApiResponse<T>>;
  post<T>(path: string, body?: unknown, opts?: { headers?: Record<string, string> }): Promise<ApiResponse<T>>;
  put<T>(path: string, body: unknown, opts?: { ifMatch?: string }): Promise<ApiResponse<T>>;
  /** A JSON merge patch (RFC 7386). */
  patch<T>(path: string, body: unknown, opts?: { ifMatch?: string }): Promise<ApiResponse<T>>;
  del(path: string, opts?: { ifMatch?: string }): Promise<ApiResponse<void>>;
}

export type Locale = 'en' | 'fr';

export interface TesseraUser {
  login: string;
  roles: string[];
  permissions: string[];
  orgUnitId?: string;
}

export interface TesseraHost {
  api: TesseraApiClient;
  locale: Locale;
  /** The module's own messages (then the shell's), in the current locale, English as fallback. */
  t(key: string, vars?: Record<string, string | number>): string;
  /** E.g. 'sales/opportunities/12' (no leading '#/'). */
  navigate(route: string): void;
  /** Route parameters (':id'), for route elements. */
  params: Record<string, string>;
  /** The hash's query, for route elements. */
  query: URLSearchParams;
  /** For overview sections and party actions. */
  partyId?: string;
  /** For overview sections: that section's JSON from /v1/parties/{id}/overview. */
  section?: unknown;
  user: TesseraUser;
  notify(message: string, kind?: 'info' | 'error'): void;
  formatMoney(amount: number | string, currency: string): string;
  formatDate(iso: string, withTime?: boolean): string;
}

/**
 * Whether an error is the API client's problem. Recognised by shape (status and problem), not by
 * class: the shell's client class is not bundled into a module.
 */
export function isApiProblem(error: unknown): error is ApiProblem {
  return typeof error === 'object' && error !== null && typeof (error as ApiProblem).status === 'number'
    && typeof (error as ApiProblem).problem === 'object' && (error as ApiProblem).problem !== null;
}
