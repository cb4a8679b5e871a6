// What the worksheet shows, computed apart from the element so that it is tested without a browser.

export type Category = 'PIPELINE' | 'BEST_CASE' | 'COMMIT' | 'CLOSED' | 'OMITTED';
export const CATEGORIES: Category[] = ['PIPELINE', 'BEST_CASE', 'COMMIT', 'CLOSED', 'OMITTED'];
/** The server's bound on an adjustment's note. */
export const NOTE_MAX = 255;

export interface Line {
  category: Category;
  currency?: string;
  count: number;
  amount: number | string;
  weightedAmount: number | string;
  adjustedAmount?: number | string | null;
  forecastAmount: number | string;
}

export interface Position { id: string; name: string; agentId: string; managerPositionId?: string; level: number }
export interface Period { id: string; name: string; type: string; startDate: string; endDate: string; status: 'OPEN' | 'CLOSED' }
export interface QuotaFigures {
  currency: string; quota?: number | string | null; subordinatesQuota: number | string; closed: number | string;
  openPipeline: number | string; attainment?: number | string | null; coverage?: number | string | null;
}
export interface Subordinate { positionId: string; name: string; source: 'SUBMITTED' | 'LIVE'; revision?: number | null; lines: Line[] }
export interface Forecast {
  position: Position; period: Period; rollupSource: string; cumulative: boolean; currency?: string | null;
  missingRates: string[]; lastRevision: number; changedSinceSubmit: boolean;
  own: Line[]; subordinates: Subordinate[]; rollup: Line[]; total: Line[]; quotas: QuotaFigures[];
  adjustments: Array<{ category: Category; currency: string; amount: number | string; note?: string; authorLogin: string }>;
}
export interface Delta {
  opportunityId: string; name?: string; change: 'ADDED' | 'REMOVED' | 'CHANGED';
  fromCategory?: Category; toCategory?: Category; fromAmount?: number | string; toAmount?: number | string; currency?: string;
}
export interface Revision { id: string; revision: number; submittedAt: string; submittedBy: string; deltas: Delta[] }

/** One row of the worksheet: a category and currency, with the own, team and total figures side by side. */
export interface Row {
  category: Category;
  currency: string;
  own?: Line;
  rollup?: Line;
  total?: Line;
}

/** The rows of a forecast in category order, then currency; a category none of the parts has is left out. */
export function rows(forecast: Pick<Forecast, 'own' | 'rollup' | 'total'>): Row[] {
  const byKey = new Map<string, Row>();
  const put = (part: 'own' | 'rollup' | 'total', line: Line) => {
    const currency = line.currency ?? '';
    const key = `${line.category}/${currency}`;
    const row = byKey.get(key) ?? { category: line.category, currency };
    row[part] = line;
    byKey.set(key, row);
  };
  forecast.own.forEach((l) => put('own', l));
  forecast.rollup.forEach((l) => put('rollup', l));
  forecast.total.forEach((l) => put('total', l));
  return [...byKey.values()].sort((a, b) =>
    CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category) || a.currency.localeCompare(b.currency));
}

/** A ratio from the API (0.25) as a whole percentage ("25 %"), or a dash when there is none. */
export function percent(ratio: number | string | null | undefined, locale: string): string {
  if (ratio === null || ratio === undefined || ratio === '') return '–';
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(Number(ratio));
}

/** The quarter to show first: the one today falls in, else the first listed. */
export function currentPeriod(periods: Period[], today: string): Period | undefined {
  return periods.find((p) => p.startDate <= today && today <= p.endDate) ?? periods[0];
}

/** The adjustment the form asks for, or the field that is wrong. */
export function adjustmentRequest(positionId: string, periodId: string, form: { category: string; currency: string; amount: string; note: string }):
  { body: Record<string, unknown> } | { field: string } {
  if (!CATEGORIES.includes(form.category as Category)) return { field: 'category' };
  if (!/^[A-Za-z]{3}$/.test(form.currency.trim())) return { field: 'currency' };
  const amount = form.amount.trim();
  if (!/^\d+(\.\d{1,4})?$/.test(amount)) return { field: 'amount' };
  if (form.note.length > NOTE_MAX) return { field: 'note' };
  return {
    body: {
      positionId, periodId, category: form.category, currency: form.currency.trim().toUpperCase(), amount: Number(amount),
      ...(form.note.trim() ? { note: form.note.trim() } : {}),
    },
  };
}

/** What a delta says, for a reader: "Fleet: BEST_CASE → COMMIT, 20000 → 22000". */
export function describeDelta(delta: Delta): string {
  const what = delta.name ?? `#${delta.opportunityId}`;
  if (delta.change === 'ADDED') return `${what}: + ${delta.toCategory} ${delta.toAmount ?? ''}`.trim();
  if (delta.change === 'REMOVED') return `${what}: − ${delta.fromCategory} ${delta.fromAmount ?? ''}`.trim();
  const parts: string[] = [];
  if (delta.fromCategory !== delta.toCategory) parts.push(`${delta.fromCategory} → ${delta.toCategory}`);
  if (Number(delta.fromAmount) !== Number(delta.toAmount)) parts.push(`${delta.fromAmount} → ${delta.toAmount}`);
  return `${what}: ${parts.join(', ') || 'date'}`;
}
