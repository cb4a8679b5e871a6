// Amounts as the server sends them (JSON numbers rounded to the currency's minor unit), summed in
// whole minor units so that totals never drift by floating-point error (0.1 + 0.2).

const digitsByCurrency = new Map<string, number>();

/** Minor-unit digits of an ISO 4217 currency: 2 for EUR, 0 for JPY, 3 for KWD. */
export function minorDigits(currency: string): number {
  let digits = digitsByCurrency.get(currency);
  if (digits === undefined) {
    try {
      digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      digits = 2; // not a currency Intl knows: the server checked it, assume cents
    }
    digitsByCurrency.set(currency, digits);
  }
  return digits;
}

/** A decimal amount in whole minor units, read from its decimal text (half away from zero beyond them). */
export function toMinor(amount: number | string, currency: string): number {
  const digits = minorDigits(currency);
  const text = typeof amount === 'number' ? numberText(amount) : amount.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) {
    throw new RangeError(`not a decimal amount: ${amount}`);
  }
  const sign = match[1] === '-' ? -1 : 1;
  const fraction = match[3] ?? '';
  let minor = Number((match[2] || '0') + fraction.slice(0, digits).padEnd(digits, '0'));
  if (fraction.length > digits && Number(fraction[digits]) >= 5) {
    minor += 1;
  }
  return sign * minor;
}

/** Minor units back to a decimal number (for display through Intl). */
export function fromMinor(minor: number, currency: string): number {
  return minor / 10 ** minorDigits(currency);
}

/** Amounts per currency, in minor units, in the order currencies were first met. */
export type CurrencyTotals = Record<string, number>;

export function addAmount(totals: CurrencyTotals, amount: number | string | null | undefined, currency: string | null | undefined,
    sign: 1 | -1 = 1): CurrencyTotals {
  if (amount === null || amount === undefined || !currency) {
    return totals;
  }
  const next = { ...totals, [currency]: (totals[currency] ?? 0) + sign * toMinor(amount, currency) };
  if (next[currency] === 0 && sign === -1) {
    delete next[currency];
  }
  return next;
}

/** Currencies in a stable order (alphabetical), each with its decimal amount. */
export function totalsList(totals: CurrencyTotals): { currency: string; amount: number }[] {
  return Object.keys(totals).sort().map((currency) => ({ currency, amount: fromMinor(totals[currency], currency) }));
}

// 1e21 and up print in exponent form; amounts that large are not money
function numberText(value: number): string {
  if (!Number.isFinite(value)) {
    throw new RangeError(`not a finite amount: ${value}`);
  }
  const text = String(value);
  if (!/e/i.test(text)) {
    return text;
  }
  return value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}
