import type { ApiProblem, TesseraHost } from '@tessera/ui-host';

/** The marketing API's records, as /v1/marketing answers them. */
export interface Campaign {
  id: string;
  name: string;
  type: string;
  status: string;
  parentId?: string;
  depth: number;
  sourceCode?: string;
  actualCost?: number;
  currency?: string;
  callScript?: string;
  version: number;
}

export interface Totals {
  members: number;
  sent: number;
  suppressed: number;
  responses: number;
  responseRate?: number;
  convertedLeads: number;
  opportunities: number;
  wonOpportunities: number;
  wonAmount: number;
  actualCost?: number;
  roi?: number;
  costPerResponse?: number;
}

export interface Offer { id: string; name: string; discountPercent?: number; minQuantity?: number }
export interface MemberStatus { code: string; label: string; responded: boolean; isDefault: boolean; members: number }
export interface CallEntry { partyId: string; displayName: string; phone?: string; status: string; offerId?: string; offerName?: string; script?: string }
export interface Page<T> { items: T[]; nextCursor?: string }

/** The outcomes an agent picks from after a call (the core's activity outcomes). */
export const OUTCOMES = ['NO_ANSWER', 'VOICEMAIL', 'WRONG_NUMBER', 'NOT_INTERESTED', 'PHONE_APPOINTMENT', 'DOCUMENTATION_SENT', 'MEETING_SET'];

export const campaignPath = (id: string) => `/marketing/campaigns/${encodeURIComponent(id)}`;

/** What to tell the user when the API refused or failed: its problem's detail, else our message. */
export function problemMessage(host: TesseraHost, error: unknown): string {
  const problem = (error as Partial<ApiProblem> | undefined)?.problem;
  return problem?.detail ?? problem?.title ?? host.t('error.load');
}
