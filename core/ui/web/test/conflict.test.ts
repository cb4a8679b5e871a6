import { describe, expect, it } from 'vitest';
import { diffVersions, reapplyChanges, sameValue } from '../src/conflict';

const FIELDS = ['firstName', 'lastName', 'jobTitle', 'classifications', 'contactMechanisms'];

const base = {
  firstName: 'Jean-François', lastName: 'Bérard', jobTitle: 'Responsable achats', classifications: ['CUSTOMER', 'PARTNER'],
  contactMechanisms: [{ id: '1', type: 'EMAIL', value: 'jf@example.com', primary: true }], customFields: { segment: 'GOLD' },
};

describe('conflict of a 412', () => {
  it('shows what each side changed, and where both did', () => {
    const yours = { ...base, jobTitle: 'Directeur achats', customFields: { segment: 'SILVER' } };
    const theirs = { ...base, lastName: 'Bérard-Martin', jobTitle: 'Acheteur', classifications: ['PARTNER', 'CUSTOMER'] };
    const diffs = diffVersions(base, yours, theirs, FIELDS);
    expect(diffs.map((d) => [d.field, d.changedByYou, d.changedByThem, d.conflicting])).toEqual([
      ['lastName', false, true, false],
      ['jobTitle', true, true, true],
      ['customFields.segment', true, false, false],
    ]);
    const jobTitle = diffs.find((d) => d.field === 'jobTitle')!;
    expect([jobTitle.yours, jobTitle.theirs]).toEqual(['Directeur achats', 'Acheteur']);
  });

  it('reapplies your changes on top of theirs and keeps theirs elsewhere', () => {
    const yours = { ...base, jobTitle: 'Directeur achats', customFields: { segment: 'SILVER' } };
    const theirs = { ...base, lastName: 'Bérard-Martin', customFields: { segment: 'GOLD', region: 'NORD' }, version: 2 };
    const merged = reapplyChanges(base, yours, theirs, FIELDS) as typeof theirs;
    expect(merged.lastName).toBe('Bérard-Martin');
    expect(merged.jobTitle).toBe('Directeur achats');
    expect(merged.customFields).toEqual({ segment: 'SILVER', region: 'NORD' });
    expect(merged.version).toBe(2);
    expect(theirs.customFields).toEqual({ segment: 'GOLD', region: 'NORD' });
  });

  it('removes a custom field you cleared', () => {
    const yours = { ...base, customFields: {} };
    const merged = reapplyChanges(base, yours, { ...base }, FIELDS);
    expect(merged.customFields).toEqual({});
  });

  it('compares sets of codes without order, empties alike, and ignores server ids of new rows', () => {
    expect(sameValue(['A', 'B'], ['B', 'A'])).toBe(true);
    expect(sameValue(undefined, '')).toBe(true);
    expect(sameValue([{ id: '9', type: 'EMAIL', value: 'x' }], [{ type: 'EMAIL', value: 'x' }])).toBe(true);
    expect(sameValue([{ type: 'EMAIL', value: 'x' }], [{ type: 'EMAIL', value: 'y' }])).toBe(false);
  });
});
