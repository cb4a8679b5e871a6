import type { ApiProblem, TesseraHost } from '@tessera/ui-host';
import { COLLECTION_PATH } from './names';

/** A record as the module's API lists it (its DTO). */
export interface ModuleRecord {
  id: string;
  partyId: string;
  name: string;
  description?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** One page of a list of the API: the items, and the cursor of the next page when there is one. */
export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

export const PAGE_SIZE = 50;

/** A page of records, of one party when partyId is given, after the cursor when one is given. */
export async function fetchPage(host: TesseraHost, partyId?: string, cursor?: string): Promise<Page<ModuleRecord>> {
  const answer = await host.api.get<Page<ModuleRecord>>(COLLECTION_PATH, {
    query: { partyId: partyId || undefined, cursor, limit: String(PAGE_SIZE) },
  });
  return answer.body;
}

/** What to tell the user when the API refused or failed: its problem's detail, else a message of ours. */
export function problemMessage(host: TesseraHost, error: unknown): string {
  const problem = (error as Partial<ApiProblem> | undefined)?.problem;
  return problem?.detail ?? problem?.title ?? host.t('error.load');
}
