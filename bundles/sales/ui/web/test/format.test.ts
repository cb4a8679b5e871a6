import { describe, expect, it } from 'vitest';
import { codeLabel, fieldErrors, instantFromLocalInput, localDay, problemMessages, totalsText } from '../src/format';

const MESSAGES: Record<string, string> = {
  'field.lostReason': 'Loss reason',
  'field.contactRoles_partyId': 'Contact',
  'problem.required': '{field} is required.',
  'problem.stale': 'Changed meanwhile.',
  'stage.NEGOTIATION': 'Négociation',
};
const t = (key: string, vars?: Record<string, string | number>) =>
  (MESSAGES[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => String(vars?.[name] ?? `{${name}}`));

describe('messages for API problems', () => {
  it('says a known refusal in the user language, and an unknown one with the API text', () => {
    const problem = { status: 422, errors: [
      { field: 'lostReason', code: 'required', message: 'must not be empty' },
      { field: 'contactRoles[0].partyId', code: 'invalid', message: 'no such party' },
      { field: 'amount', message: 'must not be negative' }] };
    expect(problemMessages(t, problem)).toEqual(['Loss reason is required.', 'Contact: no such party', 'amount: must not be negative']);
    expect(fieldErrors(t, problem)).toEqual({ lostReason: 'Loss reason is required.', 'contactRoles[0].partyId': 'Contact: no such party',
      amount: 'amount: must not be negative' });
  });

  it('says what a problem without fields says, and a 412 as a change made meanwhile', () => {
    expect(problemMessages(t, { detail: 'a converted lead is read-only' })).toEqual(['a converted lead is read-only']);
    expect(problemMessages(t, {}, 412)).toEqual(['Changed meanwhile.']);
  });
});

describe('formatting', () => {
  it('names codes with the module words, else readably', () => {
    expect(codeLabel(t, 'stage', 'NEGOTIATION', 'Negotiation')).toBe('Négociation');
    expect(codeLabel(t, 'stage', 'CUSTOM_STAGE', 'Custom stage')).toBe('Custom stage');
    expect(codeLabel(t, 'outcome', 'NO_ANSWER')).toBe('No answer');
    expect(codeLabel(t, 'outcome', null)).toBe('');
  });

  it('writes totals per currency, or the word for none', () => {
    const money = (amount: number, currency: string) => `${amount.toFixed(2)} ${currency}`;
    expect(totalsText({ USD: 50000, EUR: 30 }, money, '—')).toBe('0.30 EUR · 500.00 USD');
    expect(totalsText({}, money, '—')).toBe('—');
  });

  it('reads the local inputs of dates', () => {
    expect(localDay(new Date(2027, 0, 5, 23, 59))).toBe('2027-01-05');
    expect(instantFromLocalInput('')).toBeUndefined();
    expect(instantFromLocalInput('not a date')).toBeUndefined();
    expect(instantFromLocalInput('2027-01-05T09:00')).toBe(new Date(2027, 0, 5, 9, 0).toISOString());
  });
});
