// The shapes of the banking API this UI reads (see org.tessera.crm.banking.api), and the small
// pure helpers the elements share; kept apart from the elements so that the tests need no DOM.

export interface ProposedOffer {
  ruleId: string;
  ruleKey: string;
  rank: number;
  priority: number;
  offer: { source: string; code: string; name: string; productType?: string | null; description?: string | null };
  reasons: string[];
}

export interface OfferDecision {
  id: string;
  ruleId: string;
  offerName: string;
  decision: 'ACCEPTED' | 'REJECTED';
  reason?: string | null;
  followUp?: string | null;
  decidedAt: string;
}

export interface AccountRole {
  partyId: string;
  role: string;
  sharePercent?: number | null;
  from: string;
  thru?: string | null;
}

export interface Account {
  id: string;
  number: string;
  type: string;
  product?: string | null;
  status: string;
  currency: string;
  balance?: number | null;
  openedOn?: string | null;
  heldAway: boolean;
  roles: AccountRole[];
  version: number;
}

export interface CurrencyTotals {
  currency: string;
  deposits: number;
  investments: number;
  loans: number;
  assets: number;
  liabilities: number;
  netWorth: number;
}

export interface Rollup {
  partyId: string;
  kind: 'HOUSEHOLD' | 'PERSON';
  totals: CurrencyTotals[];
  productsHeld: Record<string, number>;
  countedAccounts: number;
  sharedAccounts: { accountId: string; number: string; type: string; jointOwnerId: string; countedInHouseholdId?: string | null }[];
}

export interface Membership {
  id: string;
  householdId: string;
  partyId: string;
  role: string;
  primary: boolean;
}

export interface OfferRule {
  id: string;
  key: string;
  name: string;
  priority: number;
  active: boolean;
  coolDownDays: number;
  validFrom?: string | null;
  validThru?: string | null;
  conditions: { type: string; parameters?: Record<string, unknown>; conditions?: unknown[] }[];
  offer: { source: string; code: string; name?: string | null };
}

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

/** The API path of an answer to an offer. */
export function decisionPath(partyId: string, ruleId: string, decision: 'accept' | 'reject'): string {
  return `/banking/parties/${encodeURIComponent(partyId)}/offers/${encodeURIComponent(ruleId)}/${decision}`;
}

/** A condition in a line, for the rules list: "lifeEvent.recent (eventType: BIRTH_OF_CHILD, withinDays: 180)". */
export function describeCondition(condition: OfferRule['conditions'][number]): string {
  const parameters = Object.entries(condition.parameters ?? {}).map(([k, v]) => `${k}: ${String(v)}`);
  const nested = (condition.conditions ?? []) as OfferRule['conditions'];
  if (nested.length) {
    return `${condition.type} (${nested.map(describeCondition).join(', ')})`;
  }
  return parameters.length ? `${condition.type} (${parameters.join(', ')})` : condition.type;
}

/** The primary household of a person's memberships, if any. */
export function primaryHousehold(memberships: Membership[]): string | undefined {
  return memberships.find((m) => m.primary)?.householdId;
}
