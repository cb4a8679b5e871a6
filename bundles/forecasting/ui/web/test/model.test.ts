import { describe, expect, it } from 'vitest';
import { adjustmentRequest, currentPeriod, describeDelta, percent, rows, type Line, type Period } from '../src/model';

const line = (category: Line['category'], amount: number, currency = 'EUR'): Line =>
  ({ category, currency, count: 1, amount, weightedAmount: amount / 2, forecastAmount: amount });

describe('the worksheet model', () => {
  it('puts own, team and total figures of a category and currency on one row, in category order', () => {
    const shown = rows({ own: [line('COMMIT', 10)], rollup: [line('BEST_CASE', 5), line('COMMIT', 20)], total: [line('COMMIT', 30), line('BEST_CASE', 5), line('COMMIT', 1, 'USD')] });
    expect(shown.map((r) => `${r.category}/${r.currency}`)).toEqual(['BEST_CASE/EUR', 'COMMIT/EUR', 'COMMIT/USD']);
    expect(shown[1].own?.forecastAmount).toBe(10);
    expect(shown[1].rollup?.forecastAmount).toBe(20);
    expect(shown[1].total?.forecastAmount).toBe(30);
    expect(shown[0].own).toBeUndefined();
  });

  it('builds the adjustment the form asks for, or names the wrong field', () => {
    expect(adjustmentRequest('7', '9', { category: 'COMMIT', currency: 'eur ', amount: '350.5', note: ' Verbal yes ' }))
      .toEqual({ body: { positionId: '7', periodId: '9', category: 'COMMIT', currency: 'EUR', amount: 350.5, note: 'Verbal yes' } });
    expect(adjustmentRequest('7', '9', { category: 'COMMIT', currency: 'EUR', amount: '1', note: '' }))
      .toEqual({ body: { positionId: '7', periodId: '9', category: 'COMMIT', currency: 'EUR', amount: 1 } });
    expect(adjustmentRequest('7', '9', { category: 'MAYBE', currency: 'EUR', amount: '1', note: '' })).toEqual({ field: 'category' });
    expect(adjustmentRequest('7', '9', { category: 'COMMIT', currency: 'EURO', amount: '1', note: '' })).toEqual({ field: 'currency' });
    expect(adjustmentRequest('7', '9', { category: 'COMMIT', currency: 'EUR', amount: '-1', note: '' })).toEqual({ field: 'amount' });
    expect(adjustmentRequest('7', '9', { category: 'COMMIT', currency: 'EUR', amount: '1', note: 'x'.repeat(256) })).toEqual({ field: 'note' });
  });

  it('shows ratios as percentages and a dash without one', () => {
    expect(percent('0.2500', 'en')).toBe('25%');
    expect(percent(null, 'en')).toBe('–');
    expect(percent(undefined, 'fr')).toBe('–');
  });

  it('opens on the quarter of today, else the first', () => {
    const q = (id: string, start: string, end: string): Period => ({ id, name: id, type: 'QUARTER', startDate: start, endDate: end, status: 'OPEN' });
    const periods = [q('q1', '2027-01-01', '2027-03-31'), q('q2', '2027-04-01', '2027-06-30')];
    expect(currentPeriod(periods, '2027-05-02')?.id).toBe('q2');
    expect(currentPeriod(periods, '2030-01-01')?.id).toBe('q1');
    expect(currentPeriod([], '2030-01-01')).toBeUndefined();
  });

  it('says what a revision changed', () => {
    expect(describeDelta({ opportunityId: '1', name: 'Fleet', change: 'CHANGED', fromCategory: 'BEST_CASE', toCategory: 'COMMIT', fromAmount: 20000, toAmount: 22000 }))
      .toBe('Fleet: BEST_CASE → COMMIT, 20000 → 22000');
    expect(describeDelta({ opportunityId: '2', change: 'ADDED', toCategory: 'PIPELINE', toAmount: 5 })).toBe('#2: + PIPELINE 5');
  });
});
