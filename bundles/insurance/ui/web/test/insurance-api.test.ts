import { describe, expect, it } from 'vitest';
import { CLAIM_NEXT, payableLeft, route } from '../src/insurance-api';

describe('payableLeft', () => {
  const water = { code: 'WATER', name: 'Water', category: 'BASE', limit: 5000, deductible: 300 };

  it('is the approved amount, at most the limit net of the deductible, less what was paid', () => {
    expect(payableLeft({ coverageCode: 'WATER', approved: 4000, paid: 1000 }, water)).toBe(3000);
    expect(payableLeft({ coverageCode: 'WATER', approved: 9000, paid: 1000 }, water)).toBe(3700);
    expect(payableLeft({ coverageCode: 'WATER', approved: 9000, paid: 4700 }, water)).toBe(0);
  });

  it('is nothing before approval, and the approved amount for a coverage without a limit', () => {
    expect(payableLeft({ coverageCode: 'WATER', claimed: 500 }, water)).toBe(0);
    expect(payableLeft({ coverageCode: 'X', approved: 800, paid: 100 }, { code: 'X', name: 'X', category: 'RIDER', limit: null })).toBe(700);
  });
});

describe('claim moves', () => {
  it('offer approval only after assessment, and reopening only a closed claim', () => {
    expect(CLAIM_NEXT.REPORTED).not.toContain('APPROVED');
    expect(CLAIM_NEXT.UNDER_ASSESSMENT).toContain('APPROVED');
    expect(CLAIM_NEXT.CLOSED).toEqual(['REOPENED']);
    expect(Object.values(CLAIM_NEXT).flat()).not.toContain('PAID'); // a payment makes a claim PAID
  });

  it('turn API hrefs into routes', () => {
    expect(route('/insurance/claims/7')).toBe('#/insurance/claims/7');
    expect(route(undefined)).toBeUndefined();
  });
});
