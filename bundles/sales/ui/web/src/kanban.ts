// The pipeline board's model: columns are the pipeline's stages (from the API), counts and amounts
// per currency come from the pipeline summary, and a card's place mirrors what the API last said
// of it. Pure functions over immutable values, so a move can be undone by placing the card again.
import { addAmount, type CurrencyTotals } from './money';
import type { Opportunity, PipelineSummary, Stage } from './sales-api';

export interface StageTotals { count: number; amounts: CurrencyTotals }
export type BoardTotals = Record<string, StageTotals>;

export interface Board {
  /** The pipeline's stages in sort order. */
  stages: Stage[];
  /** The loaded cards of each stage (a column may hold fewer than its count: see hasMore). */
  cards: Record<string, Opportunity[]>;
  totals: BoardTotals;
  /** Stage → cursor of its next page, for the columns with more cards than shown. */
  more: Record<string, string | undefined>;
}

export function orderedStages(stages: Stage[]): Stage[] {
  return [...stages].sort((a, b) => a.sortOrder - b.sortOrder || a.code.localeCompare(b.code));
}

/** Count and amounts per stage from the summary; a stage the summary leaves out (no deal) is empty. */
export function totalsFromSummary(stages: Stage[], summary: PipelineSummary): BoardTotals {
  const totals: BoardTotals = {};
  for (const stage of stages) {
    totals[stage.code] = { count: 0, amounts: {} };
  }
  for (const row of summary.stages) {
    const stage = totals[row.stage];
    if (!stage) {
      continue; // a stage removed from the pipeline since: not a column
    }
    stage.count += row.count;
    if (row.amount) {
      stage.amounts = addAmount(stage.amounts, row.amount, row.currency ?? undefined);
    }
  }
  return totals;
}

export function emptyBoard(stages: Stage[], summary: PipelineSummary): Board {
  const ordered = orderedStages(stages);
  const cards: Record<string, Opportunity[]> = {};
  for (const stage of ordered) {
    cards[stage.code] = [];
  }
  return { stages: ordered, cards, totals: totalsFromSummary(ordered, summary), more: {} };
}

/** Cards of a column: soonest expected close first, undated last, then by id. */
export function cardOrder(a: Opportunity, b: Opportunity): number {
  const ad = a.expectedCloseDate ?? '9999-12-31';
  const bd = b.expectedCloseDate ?? '9999-12-31';
  return ad < bd ? -1 : ad > bd ? 1 : Number(a.id) - Number(b.id);
}

/** A page of a column's cards as loaded (its totals are the summary's already). */
export function withLoadedCards(board: Board, stage: string, page: Opportunity[], nextCursor?: string): Board {
  const known = new Set((board.cards[stage] ?? []).map((card) => card.id));
  const cards = [...(board.cards[stage] ?? []), ...page.filter((card) => !known.has(card.id))].sort(cardOrder);
  return { ...board, cards: { ...board.cards, [stage]: cards }, more: { ...board.more, [stage]: nextCursor } };
}

export function findCard(board: Board, id: string): Opportunity | undefined {
  for (const stage of board.stages) {
    const card = board.cards[stage.code]?.find((c) => c.id === id);
    if (card) {
      return card;
    }
  }
  return undefined;
}

/**
 * The board with this card (by id) where its own stage says: taken out of the column it was in,
 * with its amount and count, and put into its stage's column. Used for a move (the card with its
 * new stage), for the API's answer (the stored card) and for undoing a refused move (the card as
 * it was).
 */
export function placeCard(board: Board, card: Opportunity): Board {
  const cards = { ...board.cards };
  const totals = { ...board.totals };
  for (const stage of board.stages) {
    const column = cards[stage.code];
    const previous = column?.find((c) => c.id === card.id);
    if (previous) {
      cards[stage.code] = column.filter((c) => c.id !== card.id);
      totals[stage.code] = withoutCard(totals[stage.code], previous);
    }
  }
  if (cards[card.stage]) {
    cards[card.stage] = [...cards[card.stage], card].sort(cardOrder);
    totals[card.stage] = withCard(totals[card.stage], card);
  }
  return { ...board, cards, totals };
}

function withCard(totals: StageTotals, card: Opportunity): StageTotals {
  return { count: totals.count + 1, amounts: addAmount(totals.amounts, card.amount, card.currency) };
}

function withoutCard(totals: StageTotals, card: Opportunity): StageTotals {
  return { count: Math.max(0, totals.count - 1), amounts: addAmount(totals.amounts, card.amount, card.currency, -1) };
}

/** What a move needs before it can be asked of the API. */
export type MovePlan =
  | { kind: 'none' }
  | { kind: 'move'; patch: { stage: string } }
  | { kind: 'ask'; stage: Stage; needs: ClosingField[]; defaults: { expectedCloseDate: string; lostReason: string } };

export type ClosingField = 'expectedCloseDate' | 'lostReason';

/**
 * Mirrors the API's closing rule (StageRules.checkClosing): a deal in a closed stage needs an
 * expected close date, and a reason when the stage is closed without being won. The board asks for
 * what the deal lacks, and for a loss reason every time it is lost; it does not refuse on the
 * API's behalf: an empty answer still goes to the API, whose refusal is shown.
 */
export function planMove(card: Opportunity, target: Stage, today: string): MovePlan {
  if (card.stage === target.code) {
    return { kind: 'none' };
  }
  if (!target.closed) {
    return { kind: 'move', patch: { stage: target.code } };
  }
  const needs: ClosingField[] = [];
  if (!card.expectedCloseDate || !target.won) {
    needs.push('expectedCloseDate');
  }
  if (!target.won) {
    needs.push('lostReason');
  }
  if (needs.length === 0) {
    return { kind: 'move', patch: { stage: target.code } };
  }
  return {
    kind: 'ask', stage: target, needs,
    defaults: { expectedCloseDate: card.expectedCloseDate ?? today, lostReason: card.lostReason ?? '' },
  };
}

/** The merge patch for a planned move and the user's answers; a blank answer is left out, for the API to judge. */
export function movePatch(target: Stage, answers: Partial<Record<ClosingField, string>>): Record<string, string> {
  const patch: Record<string, string> = { stage: target.code };
  for (const field of ['expectedCloseDate', 'lostReason'] as const) {
    const value = answers[field]?.trim();
    if (value) {
      patch[field] = value;
    }
  }
  return patch;
}

/** The card as the board shows it while the API decides (its probability is the API's to set). */
export function movedCard(card: Opportunity, patch: Record<string, string>): Opportunity {
  return { ...card, ...patch } as Opportunity;
}

export interface BoardFilters { pipelineId?: string; ownerId?: string; closeFrom?: string; closeTo?: string }

const FILTER_KEYS = ['pipelineId', 'ownerId', 'closeFrom', 'closeTo'] as const;

/** The filters kept in the route's query, so that a board can be bookmarked. */
export function filtersFromQuery(query: URLSearchParams): BoardFilters {
  const filters: BoardFilters = {};
  for (const key of FILTER_KEYS) {
    const value = query.get(key)?.trim();
    if (value) {
      filters[key] = value;
    }
  }
  return filters;
}

export function filtersToQuery(filters: BoardFilters): string {
  const query = new URLSearchParams();
  for (const key of FILTER_KEYS) {
    if (filters[key]) {
      query.set(key, filters[key]!);
    }
  }
  const text = query.toString();
  return text ? `?${text}` : '';
}

/** The summary's query (its pipeline parameter is named "pipeline"). */
export function summaryQuery(filters: BoardFilters): Record<string, string | undefined> {
  return { pipeline: filters.pipelineId, ownerId: filters.ownerId, closeFrom: filters.closeFrom, closeTo: filters.closeTo };
}

/** The query of one column's page of opportunities, filtered as the summary is. */
export function columnQuery(filters: BoardFilters, pipelineId: string, stage: string, limit: number, cursor?: string)
    : Record<string, string | undefined> {
  return { pipelineId, stage, ownerId: filters.ownerId, closeFrom: filters.closeFrom, closeTo: filters.closeTo,
    limit: String(limit), cursor };
}
