// Formatting and the words shown for API answers: every string comes from the module's messages
// (host.t); the API's own English text is only the last resort.
import type { ProblemDetails } from '@tessera/ui-host';
import { totalsList, type CurrencyTotals } from './money';

type Translate = (key: string, vars?: Record<string, string | number>) => string;

/** host.t answers the key itself when it has no message for it. */
export function translated(t: Translate, key: string, fallback: string, vars?: Record<string, string | number>): string {
  const text = t(key, vars);
  return text === key ? fallback : text;
}

/** The label of a field of a sales record, for messages about it. */
export function fieldLabel(t: Translate, field: string): string {
  const base = field.replace(/\[\d+\]/g, '').replace(/\./g, '_');
  return translated(t, `field.${base}`, field);
}

/** A code of the API (a stage, a status, an outcome) shown with the module's word for it, else the given label. */
export function codeLabel(t: Translate, family: string, code: string | null | undefined, serverLabel?: string): string {
  if (!code) {
    return '';
  }
  return translated(t, `${family}.${code}`, serverLabel ?? code.charAt(0) + code.slice(1).toLowerCase().replace(/_/g, ' '));
}

/**
 * One sentence per refused field (e.g. "Loss reason is required."), in the user's language when
 * the problem's code is a known one, else the API's message; the problem's detail when it names no field.
 */
export function problemMessages(t: Translate, problem: ProblemDetails | undefined, status?: number): string[] {
  const errors = problem?.errors ?? [];
  if (errors.length === 0) {
    if (status === 412) {
      return [t('problem.stale')];
    }
    return [problem?.detail ?? problem?.title ?? t('problem.unknown')];
  }
  return errors.map((error) => {
    const field = fieldLabel(t, error.field);
    if (error.code) {
      const known = translated(t, `problem.${error.code}`, '', { field });
      if (known) {
        return known;
      }
    }
    return `${field}: ${error.message}`;
  });
}

/** Field → message, for showing each refusal under its input. */
export function fieldErrors(t: Translate, problem: ProblemDetails | undefined): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const error of problem?.errors ?? []) {
    if (!(error.field in byField)) {
      byField[error.field] = problemMessages(t, { errors: [error] })[0];
    }
  }
  return byField;
}

/** "12 500,00 € · 3 000,00 $", or the empty word when there is no amount. */
export function totalsText(totals: CurrencyTotals, formatMoney: (amount: number, currency: string) => string, none: string): string {
  const list = totalsList(totals);
  return list.length === 0 ? none : list.map((total) => formatMoney(total.amount, total.currency)).join(' · ');
}

/** A LocalDate (yyyy-mm-dd) of the user's day, for date inputs and close-date defaults. */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The value of a datetime-local input (the user's wall clock) for an instant. */
export function localDateTimeInput(instant: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${localDay(instant)}T${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
}

/** A datetime-local input's value as an ISO instant, or undefined when it is empty or not a date. */
export function instantFromLocalInput(value: string): string | undefined {
  if (!value) {
    return undefined;
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

/** A person's or a lead's name from its parts. */
export function personName(first?: string | null, last?: string | null): string {
  return [first, last].filter((part) => part && part.trim()).join(' ');
}
