/** The advanced search of parties, as a bookmarkable hash query and as the API's query. */

export type PartySort = 'NAME' | 'ID';

export interface PartyFilters {
  q?: string;
  type?: string;
  classification?: string;
  ownerId?: string;
  orgUnitId?: string;
  status?: string;
  sort: PartySort;
  /** Custom field filters by field key (`cf.segment=GOLD` in the hash, `customFields.segment=GOLD` in the API). */
  customFields: Record<string, string>;
}

const SIMPLE_KEYS = ['q', 'type', 'classification', 'ownerId', 'orgUnitId', 'status'] as const;
const CUSTOM_PREFIX = 'cf.';

export function emptyFilters(): PartyFilters {
  return { sort: 'NAME', customFields: {} };
}

export function filtersFromQuery(query: URLSearchParams): PartyFilters {
  const filters = emptyFilters();
  for (const key of SIMPLE_KEYS) {
    const value = query.get(key)?.trim();
    if (value) filters[key] = value;
  }
  filters.sort = query.get('sort') === 'ID' ? 'ID' : 'NAME';
  for (const [key, value] of query) {
    if (key.startsWith(CUSTOM_PREFIX) && key.length > CUSTOM_PREFIX.length && value.trim()) {
      filters.customFields[key.slice(CUSTOM_PREFIX.length)] = value.trim();
    }
  }
  return filters;
}

/** A stable order, empty values left out: the same search always gives the same URL. */
export function filtersToQuery(filters: PartyFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const key of SIMPLE_KEYS) {
    const value = filters[key]?.trim();
    if (value) query.set(key, value);
  }
  if (filters.sort !== 'NAME') query.set('sort', filters.sort);
  for (const key of Object.keys(filters.customFields).sort()) {
    const value = filters.customFields[key]?.trim();
    if (value) query.set(CUSTOM_PREFIX + key, value);
  }
  return query;
}

export function filtersToApiQuery(filters: PartyFilters, limit: number, cursor?: string): Record<string, string> {
  const query: Record<string, string> = { sort: filters.sort, limit: String(limit) };
  for (const key of SIMPLE_KEYS) {
    const value = filters[key]?.trim();
    if (value) query[key] = value;
  }
  for (const [key, value] of Object.entries(filters.customFields)) {
    if (value.trim()) query[`customFields.${key}`] = value.trim();
  }
  if (cursor) query.cursor = cursor;
  return query;
}

export function hasFilters(filters: PartyFilters): boolean {
  return SIMPLE_KEYS.some((key) => filters[key]) || Object.values(filters.customFields).some(Boolean);
}
