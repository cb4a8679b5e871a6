import { describe, expect, it } from 'vitest';
import { decisionPath, describeCondition, primaryHousehold } from '../src/banking-api';

describe('the banking API helpers', () => {
  it('addresses an answer to an offer, escaping the ids', () => {
    expect(decisionPath('42', '7', 'accept')).toBe('/banking/parties/42/offers/7/accept');
    expect(decisionPath('4/2', '7', 'reject')).toBe('/banking/parties/4%2F2/offers/7/reject');
  });

  it('describes a condition in one line, composites with their operands', () => {
    expect(describeCondition({ type: 'lifeEvent.recent', parameters: { eventType: 'BIRTH_OF_CHILD', withinDays: 180 } }))
      .toBe('lifeEvent.recent (eventType: BIRTH_OF_CHILD, withinDays: 180)');
    expect(describeCondition({ type: 'or', parameters: {}, conditions: [{ type: 'account.hasProduct', parameters: { accountType: 'SAVINGS' } },
      { type: 'activity.recent', parameters: { withinDays: 1 } }] }))
      .toBe('or (account.hasProduct (accountType: SAVINGS), activity.recent (withinDays: 1))');
    expect(describeCondition({ type: 'party.profile' })).toBe('party.profile');
  });

  it('finds the primary household among memberships', () => {
    expect(primaryHousehold([{ id: '1', householdId: '10', partyId: '5', role: 'DEPENDENT', primary: false },
      { id: '2', householdId: '11', partyId: '5', role: 'HEAD', primary: true }])).toBe('11');
    expect(primaryHousehold([])).toBeUndefined();
  });
});
