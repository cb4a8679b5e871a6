import { describe, expect, it } from 'vitest';
import { addAmount, fromMinor, minorDigits, toMinor, totalsList } from '../src/money';

describe('money in minor units', () => {
  it('knows the minor unit of each currency', () => {
    expect(minorDigits('EUR')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('reads decimals exactly, whatever their float form', () => {
    expect(toMinor(36199.7, 'EUR')).toBe(3619970);
    expect(toMinor('0.1', 'EUR') + toMinor('0.2', 'EUR')).toBe(30);
    expect(toMinor(1200.5, 'JPY')).toBe(1201);
    expect(toMinor('-12.345', 'EUR')).toBe(-1235);
    expect(toMinor(1e-7, 'EUR')).toBe(0);
    expect(() => toMinor('12,50', 'EUR')).toThrow(RangeError);
  });

  it('sums per currency and drops a currency that goes back to nothing', () => {
    let totals = addAmount({}, 0.1, 'EUR');
    totals = addAmount(totals, 0.2, 'EUR');
    totals = addAmount(totals, 1000, 'USD');
    expect(totalsList(totals)).toEqual([{ currency: 'EUR', amount: 0.3 }, { currency: 'USD', amount: 1000 }]);
    totals = addAmount(totals, 1000, 'USD', -1);
    expect(Object.keys(totals)).toEqual(['EUR']);
    expect(addAmount(totals, null, 'EUR')).toBe(totals);
    expect(fromMinor(123456, 'EUR')).toBe(1234.56);
  });
});
