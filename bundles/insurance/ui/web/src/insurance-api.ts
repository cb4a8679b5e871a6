// The shapes of the insurance REST API (/tessera/api/v1/insurance) the screens use, as its DTOs
// serialize them (ids are strings, amounts JSON numbers, dates ISO-8601 strings).

export type PolicyStatus = 'QUOTE' | 'IN_FORCE' | 'LAPSED' | 'CANCELLED' | 'REINSTATED' | 'RENEWED' | 'EXPIRED';
export type ClaimStatus = 'REPORTED' | 'UNDER_ASSESSMENT' | 'APPROVED' | 'DENIED' | 'PAID' | 'CLOSED' | 'REOPENED';

export interface Page<T> { items: T[]; nextCursor?: string }

export interface Coverage {
  code: string;
  name: string;
  category: string;
  limit?: number | null;
  deductible?: number | null;
  premiumPart?: number | null;
  effectiveFrom?: string | null;
  effectiveTo?: string | null;
  insuredPartyId?: string | null;
  insuredAsset?: { type: string; description?: string | null; fields?: Record<string, string> } | null;
}

export interface Participant { partyId: string; role: string; sharePercent?: number | null; from?: string | null; thru?: string | null; minor: boolean }
export interface Revision { revision: number; validFrom: string; premium: number; reason?: string | null }

export interface Policy {
  id: string;
  number: string;
  termNumber: number;
  renewedFromId?: string | null;
  renewedById?: string | null;
  lineOfBusiness: string;
  product?: string | null;
  status: PolicyStatus;
  effectiveDate: string;
  expiryDate: string;
  premium: number;
  premiumFrequency: string;
  currency: string;
  carrier?: string | null;
  holderPartyId: string;
  coverages: Coverage[];
  participants: Participant[];
  asOf: string;
  revision: number;
  revisions: Revision[];
  version: number;
}

export interface ClaimAmount { coverageCode: string; claimed?: number | null; reserved?: number | null; approved?: number | null; paid?: number | null }

export interface Claim {
  id: string;
  number: string;
  policyId: string;
  policyNumber: string;
  lossDate: string;
  reportedDate: string;
  type: string;
  description?: string | null;
  status: ClaimStatus;
  amounts: ClaimAmount[];
  serviceRequestId?: string | null;
  version: number;
}

/** The moves a claim may make (the server's ClaimTransitions, to offer only valid buttons; PAID comes with a payment). */
export const CLAIM_NEXT: Record<ClaimStatus, ClaimStatus[]> = {
  REPORTED: ['UNDER_ASSESSMENT', 'DENIED'],
  UNDER_ASSESSMENT: ['APPROVED', 'DENIED'],
  APPROVED: ['CLOSED'],
  DENIED: ['CLOSED'],
  PAID: ['CLOSED'],
  CLOSED: ['REOPENED'],
  REOPENED: ['UNDER_ASSESSMENT'],
};

/** What remains payable on a coverage: the approved amount, at most the limit net of the deductible, less what was paid. */
export function payableLeft(amount: ClaimAmount, coverage: Coverage | undefined): number {
  const approved = amount.approved ?? 0;
  const net = coverage?.limit === null || coverage?.limit === undefined
    ? approved : Math.max(0, coverage.limit - (coverage.deductible ?? 0));
  return Math.max(0, Math.min(approved, net) - (amount.paid ?? 0));
}

/** The API's section hrefs ("/insurance/policies/42") are also the UI's routes. */
export function route(href: string | undefined | null): string | undefined {
  return href ? `#${href}` : undefined;
}

export function etagOf(version: number): string {
  return `"${version}"`;
}
