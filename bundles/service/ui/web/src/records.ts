import type { ApiProblem, TesseraHost } from '@tessera/ui-host';
import { COLLECTION_PATH } from './names';

/** A record as the module's API lists it (its DTO). */
export interface ModuleRecord {
  id: string;
  partyId: string;
  number: string;
  summary: string;
  status: string;
  priority?: string;
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

/** Which requests a list shows: all the user may see, theirs, or those of their queues. */
export type Scope = 'all' | 'mine' | 'myQueues';

/** A page of records, of one party when partyId is given, after the cursor when one is given. */
export async function fetchPage(host: TesseraHost, partyId?: string, cursor?: string, scope: Scope = 'all'): Promise<Page<ModuleRecord>> {
  const answer = await host.api.get<Page<ModuleRecord>>(COLLECTION_PATH, {
    query: { partyId: partyId || undefined, cursor, limit: String(PAGE_SIZE),
      mine: scope === 'mine' ? 'true' : undefined, myQueues: scope === 'myQueues' ? 'true' : undefined },
  });
  return answer.body;
}

/** What to tell the user when the API refused or failed: its problem's detail, else a message of ours. */
export function problemMessage(host: TesseraHost, error: unknown): string {
  const problem = (error as Partial<ApiProblem> | undefined)?.problem;
  return problem?.detail ?? problem?.title ?? host.t('error.load');
}

/** Where one SLA milestone of a request stands (the API's MilestoneStatusDTO). */
export interface Milestone {
  milestone: string;
  policy: string;
  state: 'RUNNING' | 'PAUSED' | 'COMPLETED' | 'CANCELLED';
  targetAt: string;
  targetMinutes: number;
  elapsedMinutes: number;
  stoppedMinutes: number;
  remainingMinutes: number;
  warned: boolean;
  violated: boolean;
  completedAt?: string;
}

/** A request as the API reads one: the list's fields and more. */
export interface RequestDetail extends ModuleRecord {
  type: string;
  severity?: string;
  ownerId?: string;
  queueId?: string;
  description?: string;
  milestones: Milestone[];
}

/** One element of a request's dossier. */
export interface DossierElement {
  ref: string;
  label?: string;
}

/** The dossier by kind, as the API answers it. */
export type Dossier = Partial<Record<'INTERACTION' | 'LETTER' | 'EMAIL' | 'AGENT' | 'PARTICIPANT' | 'OBJECT', DossierElement[]>>;

/** A document generated for the request (its HTML is not listed). */
export interface RequestDocument {
  id: string;
  kind: 'LETTER' | 'EMAIL';
  subject?: string;
  hasPdf: boolean;
  sendState?: 'PENDING' | 'SENT' | 'FAILED';
  lastError?: string;
  createdAt: string;
}

/** The request, its dossier and its documents: three reads of the API, together. */
export async function fetchRequest(host: TesseraHost, id: string): Promise<{ request: RequestDetail; dossier: Dossier; documents: RequestDocument[] }> {
  const path = `${COLLECTION_PATH}/${encodeURIComponent(id)}`;
  const [request, dossier, documents] = await Promise.all([
    host.api.get<RequestDetail>(path),
    host.api.get<Dossier>(`${path}/elements`),
    host.api.get<Page<RequestDocument>>(`${path}/documents`),
  ]);
  return { request: request.body, dossier: dossier.body, documents: documents.body.items };
}
