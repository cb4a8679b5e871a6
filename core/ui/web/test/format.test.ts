import { describe, expect, it } from 'vitest';
import { formatMoney, intlLocale } from '../src/format';

describe('intlLocale', () => {
  it('takes the browser regional variant of the UI language', () => {
    expect(intlLocale('en', ['en-US', 'fr-FR'])).toBe('en-US');
    expect(intlLocale('fr', ['en-US', 'fr-CA'])).toBe('fr-CA');
  });

  it('falls back to a default region when the browser has none of the UI language', () => {
    expect(intlLocale('fr', ['en-US'])).toBe('fr-FR');
    expect(intlLocale('en', ['de-DE'])).toBe('en-GB');
  });

  it('does not take a language that merely starts with the same letters', () => {
    expect(intlLocale('en', ['eno'])).toBe('en-GB');
  });
});

describe('formatMoney', () => {
  it('formats an amount given as a decimal string in its currency', () => {
    expect(formatMoney('fr', '1234.5', 'EUR')).toMatch(/^1\s234,50\s€$/);
  });

  it('shows an unparseable amount as it came, with its currency', () => {
    expect(formatMoney('en', 'abc', 'EUR')).toBe('abc EUR');
  });
});
