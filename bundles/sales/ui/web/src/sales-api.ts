// The shapes of the sales REST API (/tessera/api/v1/sales) that the screens use, as its DTOs
// serialize them (ids are strings, amounts JSON numbers, dates ISO-8601 strings).

export type ForecastCategory = 'PIPELINE' | 'BEST_CASE' | 'COMMIT' | 'CLOSED' | 'OMITTED';
export type OpportunityStatus = 'OPEN' | 'WON' | 'LOST';
export type LeadStatus = 'NEW' | 'WORKING' | 'QUALIFIED' | 'CONVERTED' | 'DISQUALIFIED';
export const NEXT_ACTIONS = ['CALL', 'CALL_BACK', 'PHONE_APPOINTMENT', 'MEETING', 'SEND_DOCUMENTATION'] as const;
export type NextAction = (typeof NEXT_ACTIONS)[number];
export type QuoteStatus = 'DRAFT' | 'IN_REVIEW' | 'APPROVED' | 'REJECTED' | 'PRESENTED' | 'ACCEPTED' | 'DENIED';

export interface Page<T> { items: T[]; nextCursor?: string }

export interface Stage {
  code: string;
  name: string;
  sortOrder: number;
  probability: number;
  forecastCategory: ForecastCategory;
  closed: boolean;
  won: boolean;
}

export interface Pipeline { id: string; name: string; defaultPipeline: boolean; stages: Stage[]; version: number }

export interface StageSummary {
  stage: string;
  name: string;
  sortOrder: number;
  forecastCategory: ForecastCategory;
  currency?: string | null;
  count: number;
  amount?: number | null;
  weightedAmount?: number | null;
}

export interface PipelineSummary { pipelineId: string; currency?: string | null; stages: StageSummary[] }

export interface ContactRole { partyId: string; role: string; primary: boolean }
export interface Competitor { name: string; strengths?: string | null; weaknesses?: string | null }
export interface LineItem {
  productId?: string | null;
  description?: string | null;
  quantity?: number | null;
  unitPrice?: number | null;
  discount?: number | null;
  totalPrice?: number | null;
}

export interface Opportunity {
  id: string;
  accountId: string;
  name: string;
  pipelineId?: string;
  stage: string;
  probability?: number | null;
  forecastCategory?: ForecastCategory;
  status?: OpportunityStatus;
  amount?: number | null;
  expectedRevenue?: number | null;
  currency?: string | null;
  expectedCloseDate?: string | null;
  ownerId?: string | null;
  campaignId?: string | null;
  priceListId?: string | null;
  nextStep?: string | null;
  lostReason?: string | null;
  contactRoles: ContactRole[];
  competitors: Competitor[];
  lineItems: LineItem[];
  customFields: Record<string, unknown>;
  version: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface OpportunityHistory {
  id: string;
  changedAt: string;
  changedBy?: string | null;
  changedFields: string[];
  stage: string;
  amount?: number | null;
  currency?: string | null;
  probability?: number | null;
  expectedCloseDate?: string | null;
  forecastCategory?: ForecastCategory;
}

export interface Lead {
  id: string;
  partyId?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  email?: string | null;
  phone?: string | null;
  companyName?: string | null;
  jobTitle?: string | null;
  source?: string | null;
  rating?: string | null;
  status: LeadStatus;
  disqualifiedReason?: string | null;
  lastOutcome?: string | null;
  lastOutcomeAt?: string | null;
  nextAction?: NextAction | null;
  nextActionAt?: string | null;
  nextActivityId?: string | null;
  ownerId?: string | null;
  convertedContactId?: string | null;
  convertedAccountId?: string | null;
  convertedOpportunityId?: string | null;
  version: number;
  createdAt?: string;
}

export interface LeadOutcomeRequest { outcome: string; note?: string; nextAction?: NextAction; nextActionAt?: string }

export interface LeadConversion {
  createOpportunity: boolean;
  opportunityName?: string;
  amount?: number;
  currency?: string;
  expectedCloseDate?: string;
  leadId?: string;
  contactId?: string;
  accountId?: string;
  opportunityId?: string;
}

export interface Quote {
  id: string;
  number: string;
  opportunityId: string;
  accountId: string;
  name?: string | null;
  status: QuoteStatus;
  currency: string;
  taxRate?: number | null;
  validUntil?: string | null;
  lines: LineItem[];
  subtotal?: number | null;
  discountTotal?: number | null;
  netTotal?: number | null;
  taxAmount?: number | null;
  grandTotal?: number | null;
  version: number;
  createdAt?: string;
}

/** The next statuses a quote may take (the server's QuoteTransitions, for offering only valid buttons). */
export const QUOTE_NEXT: Record<QuoteStatus, QuoteStatus[]> = {
  DRAFT: ['IN_REVIEW'],
  IN_REVIEW: ['APPROVED', 'REJECTED'],
  REJECTED: ['DRAFT'],
  APPROVED: ['PRESENTED'],
  PRESENTED: ['ACCEPTED', 'DENIED'],
  ACCEPTED: [],
  DENIED: [],
};

/** Core records the screens show next to sales ones. */
export interface PartySummary { id: string; displayName: string; type?: string }
export interface Agent { id: string; login: string; displayName: string; active?: boolean }
export interface PicklistValue { code: string; label: string; active: boolean; sortOrder: number }
export interface Picklist { key: string; values: PicklistValue[] }
export interface Product { id: string; code: string; name: string }
