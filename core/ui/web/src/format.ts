import type { Locale } from './host';

const intlLocale = (locale: Locale) => (locale === 'fr' ? 'fr-FR' : 'en-GB');

export function formatDate(locale: Locale, iso: string | undefined | null, withTime = false): string {
  if (!iso) return '';
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(iso);
  const date = new Date(dateOnly ? `${iso}T00:00:00` : iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(intlLocale(locale), withTime && !dateOnly ? { dateStyle: 'medium', timeStyle: 'short' } : { dateStyle: 'medium' }).format(date);
}

export function formatMoney(locale: Locale, amount: number | string, currency: string): string {
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(value)) return `${amount} ${currency}`;
  try {
    return new Intl.NumberFormat(intlLocale(locale), { style: 'currency', currency }).format(value);
  } catch {
    return `${new Intl.NumberFormat(intlLocale(locale)).format(value)} ${currency}`;
  }
}

export function formatNumber(locale: Locale, value: number | string): string {
  const number = typeof value === 'string' ? Number(value) : value;
  return Number.isFinite(number) ? new Intl.NumberFormat(intlLocale(locale)).format(number) : String(value);
}

/** A local date-time input's value (`2026-12-02T09:30`) → an ISO instant. */
export function localInputToIso(value: string): string | undefined {
  if (!value) return undefined;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** An instant → the value of a local date-time input. */
export function isoToLocalInput(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** Start and end (exclusive) of the local day containing `now`, as instants. */
export function localDayBounds(now: Date): { from: string; to: string } {
  const start = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  const end = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}
