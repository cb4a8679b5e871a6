/** The shapes of the core API the screens use (see the OpenAPI document, /tessera/api/openapi.json). */

export interface Page<T> {
  items: T[];
  nextCursor?: string | null;
}

export interface ContactMechanism {
  id?: string;
  type: 'EMAIL' | 'PHONE' | 'POSTAL' | 'WEB';
  value?: string;
  line1?: string;
  line2?: string;
  postalCode?: string;
  city?: string;
  region?: string;
  country?: string;
  purpose?: string;
  primary?: boolean;
  optOut?: boolean;
  validFrom?: string;
  validThru?: string;
}

export interface Party {
  id?: string;
  type: 'PERSON' | 'ORGANIZATION' | 'HOUSEHOLD';
  displayName?: string;
  salutation?: string;
  firstName?: string;
  lastName?: string;
  birthDate?: string;
  jobTitle?: string;
  legalName?: string;
  registrationNumber?: string;
  industry?: string;
  name?: string;
  status?: string;
  classifications: string[];
  contactMechanisms: ContactMechanism[];
  ownerId?: string;
  orgUnitId?: string;
  externalIds?: Record<string, string>;
  customFields: Record<string, unknown>;
  version?: number;
  createdAt?: string;
  updatedAt?: string;
}

export interface Activity {
  id?: string;
  type: string;
  subject?: string;
  description?: string;
  status: 'PLANNED' | 'DONE' | 'CANCELLED';
  dueAt?: string;
  startAt?: string;
  endAt?: string;
  ownerId?: string;
  assigneeId?: string;
  participants: string[];
  channel?: string;
  direction?: 'INBOUND' | 'OUTBOUND';
  outcome?: string;
  links: string[];
  customFields?: Record<string, unknown>;
  version?: number;
}

export interface PicklistValue {
  code: string;
  label: string;
  active: boolean;
  sortOrder: number;
}

export interface Picklist {
  key: string;
  label?: string;
  values: PicklistValue[];
}

export interface CustomFieldDefinition {
  entityType: string;
  key: string;
  label?: string;
  type: 'STRING' | 'NUMBER' | 'DECIMAL' | 'DATE' | 'BOOLEAN' | 'PICKLIST' | 'REFERENCE';
  required: boolean;
  values: string[];
  picklist?: string;
  maxLength?: number;
  sensitive?: boolean;
  module?: string;
}

export interface OrgUnit {
  id: string;
  code: string;
  name: string;
  parentId?: string;
}

export interface Agent {
  id: string;
  login: string;
  displayName: string;
  orgUnitId?: string;
  active: boolean;
}

export interface KeyFigure {
  key: string;
  label?: string;
  value: number | string;
  unit?: string | null;
}

export interface OverviewItem {
  id: string;
  type?: string;
  title: string;
  subtitle?: string;
  status?: string;
  at?: string;
  date?: string;
  amount?: number | string;
  currency?: string;
  href?: string;
}

export interface OverviewSection {
  module: string;
  section: string;
  title?: string;
  status: string;
  message?: string;
  figures: KeyFigure[];
  items: OverviewItem[];
  href?: string;
}

export interface PartyOverview {
  party: {
    id: string;
    type: string;
    displayName: string;
    status?: string;
    classifications: string[];
    ownerId?: string;
    ownerName?: string;
    orgUnitId?: string;
    orgUnitName?: string;
  };
  sections: OverviewSection[];
}

export interface TimelineEntry {
  id: string;
  source: string;
  kind: string;
  occurredAt: string;
  title?: string;
  summary?: string;
  status?: string;
  href?: string;
}

export interface Module {
  name: string;
  version: string;
  state: string;
  schemaVersion?: string;
  feature?: string;
  permissions: string[];
  extensionPoints?: string[];
  bundles?: Array<{ id?: number; symbolicName?: string; version?: string; state?: string }>;
}

/** A field's label key for the messages, and whether it applies to a party type. */
export const PERSON_FIELDS = ['salutation', 'firstName', 'lastName', 'jobTitle'] as const;
export const ORGANIZATION_FIELDS = ['legalName', 'registrationNumber', 'industry'] as const;
export const HOUSEHOLD_FIELDS = ['name'] as const;
/** The fields of a party an edit compares on a conflict (custom fields are added one by one). */
export const PARTY_EDIT_FIELDS = [
  'salutation', 'firstName', 'lastName', 'jobTitle', 'legalName', 'registrationNumber', 'industry', 'name',
  'status', 'classifications', 'contactMechanisms', 'ownerId', 'orgUnitId',
];
