import { describe, expect, it } from 'vitest';
import { emptyOutcomeForm, isDue, outcomeFormErrors, outcomeRequest, queueOrder, suggestedNextActionAt, withField } from '../src/lead-outcome';
import type { Lead } from '../src/sales-api';

// Wednesday 2 December 2026, 16:00 local time
const NOW = new Date(2026, 11, 2, 16, 0);

describe('lead outcome form', () => {
  it('needs an outcome, and a time with a next action', () => {
    let form = emptyOutcomeForm();
    expect(outcomeFormErrors(form)).toEqual({ outcome: 'required' });
    expect(outcomeRequest(form)).toBeUndefined();
    form = withField(form, 'outcome', 'NO_ANSWER', NOW);
    expect(outcomeRequest(form)).toEqual({ outcome: 'NO_ANSWER' });
    form = withField(form, 'nextAction', 'MEETING', NOW);
    form = withField(form, 'nextActionAt', '', NOW);
    expect(outcomeFormErrors(form)).toEqual({ nextActionAt: 'required' });
  });

  it('proposes a time for a next action, keeps one the user set, and clears it with the action', () => {
    let form = withField(emptyOutcomeForm(), 'nextAction', 'CALL_BACK', NOW);
    expect(form.nextActionAt).toBe('2026-12-03T09:00');
    form = withField(form, 'nextActionAt', '2026-12-10T14:30', NOW);
    form = withField(form, 'nextAction', 'MEETING', NOW);
    expect(form.nextActionAt).toBe('2026-12-10T14:30');
    form = withField(form, 'nextAction', '', NOW);
    expect(form.nextActionAt).toBe('');
  });

  it('skips the weekend when it proposes', () => {
    const friday = new Date(2026, 11, 4, 11, 0);
    expect(suggestedNextActionAt('CALL', friday)).toBe('2026-12-07T09:00');
    expect(suggestedNextActionAt('SEND_DOCUMENTATION', friday)).toBe('2026-12-08T09:00');
  });

  it('sends the outcome, the trimmed note and the next action at its instant', () => {
    let form = withField(emptyOutcomeForm(), 'outcome', 'PHONE_APPOINTMENT', NOW);
    form = withField(form, 'note', '  Rappeler le directeur  ', NOW);
    form = withField(form, 'nextAction', 'PHONE_APPOINTMENT', NOW);
    form = withField(form, 'nextActionAt', '2026-12-03T14:00', NOW);
    expect(outcomeRequest(form)).toEqual({ outcome: 'PHONE_APPOINTMENT', note: 'Rappeler le directeur', nextAction: 'PHONE_APPOINTMENT',
      nextActionAt: new Date(2026, 11, 3, 14, 0).toISOString() });
  });

  it('forgets a field error once the field changes', () => {
    const form = { ...emptyOutcomeForm(), errors: { outcome: 'not an active value', note: 'too long' } };
    expect(withField(form, 'outcome', 'VOICEMAIL', NOW).errors).toEqual({ note: 'too long' });
  });
});

describe('lead queue', () => {
  const lead = (id: string, status: Lead['status'], nextActionAt?: string, createdAt = '2026-11-01T00:00:00Z'): Lead =>
    ({ id, status, nextActionAt: nextActionAt ?? null, createdAt, version: 1 });

  it('puts due next actions first, then new leads, then later actions; leaves out converted and disqualified', () => {
    const leads = [
      lead('1', 'WORKING', '2026-12-09T09:00:00Z'),
      lead('2', 'NEW', undefined, '2026-11-20T00:00:00Z'),
      lead('3', 'WORKING', '2026-12-01T09:00:00Z'),
      lead('4', 'CONVERTED'),
      lead('5', 'NEW', undefined, '2026-11-10T00:00:00Z'),
      lead('6', 'DISQUALIFIED'),
      lead('7', 'QUALIFIED', '2026-11-30T09:00:00Z'),
    ];
    expect(queueOrder(leads, NOW).map((l) => l.id)).toEqual(['7', '3', '5', '2', '1']);
    expect(isDue(leads[2], NOW)).toBe(true);
    expect(isDue(leads[0], NOW)).toBe(false);
  });
});
