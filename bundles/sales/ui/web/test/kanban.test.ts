import { describe, expect, it } from 'vitest';
import {
  columnQuery, emptyBoard, filtersFromQuery, filtersToQuery, findCard, movePatch, movedCard, placeCard, planMove,
  summaryQuery, totalsFromSummary, withLoadedCards,
} from '../src/kanban';
import type { Opportunity, PipelineSummary, Stage } from '../src/sales-api';

const stage = (code: string, sortOrder: number, closed = false, won = false): Stage =>
  ({ code, name: code, sortOrder, probability: 10, forecastCategory: 'PIPELINE', closed, won });
// out of order on purpose: columns follow sortOrder
const STAGES = [stage('NEGOTIATION', 60), stage('PROSPECTING', 10), stage('CLOSED_WON', 70, true, true), stage('CLOSED_LOST', 80, true)];

const deal = (id: string, stageCode: string, amount: number | null, currency: string | null, close?: string): Opportunity =>
  ({ id, accountId: '1', name: `Deal ${id}`, stage: stageCode, amount, currency, expectedCloseDate: close ?? null,
    contactRoles: [], competitors: [], lineItems: [], customFields: {}, version: 1 });

const SUMMARY: PipelineSummary = {
  pipelineId: '1',
  stages: [
    { stage: 'PROSPECTING', name: 'Prospecting', sortOrder: 10, forecastCategory: 'PIPELINE', currency: 'EUR', count: 2, amount: 1000.1 },
    { stage: 'PROSPECTING', name: 'Prospecting', sortOrder: 10, forecastCategory: 'PIPELINE', currency: 'USD', count: 1, amount: 500 },
    { stage: 'NEGOTIATION', name: 'Negotiation', sortOrder: 60, forecastCategory: 'COMMIT', currency: 'EUR', count: 1, amount: 0.2 },
    { stage: 'GONE', name: 'Removed since', sortOrder: 90, forecastCategory: 'OMITTED', currency: 'EUR', count: 4, amount: 9 },
  ],
};

function loadedBoard() {
  let board = emptyBoard(STAGES, SUMMARY);
  board = withLoadedCards(board, 'PROSPECTING', [deal('3', 'PROSPECTING', 500, 'USD'), deal('1', 'PROSPECTING', 1000, 'EUR', '2027-05-01'),
    deal('2', 'PROSPECTING', 0.1, 'EUR', '2027-02-01')]);
  return withLoadedCards(board, 'NEGOTIATION', [deal('4', 'NEGOTIATION', 0.2, 'EUR')], 'cursor-4');
}

describe('column totals per currency', () => {
  it('come from the summary, one column per stage in sort order, stages without deals empty', () => {
    const board = emptyBoard(STAGES, SUMMARY);
    expect(board.stages.map((s) => s.code)).toEqual(['PROSPECTING', 'NEGOTIATION', 'CLOSED_WON', 'CLOSED_LOST']);
    expect(board.totals.PROSPECTING).toEqual({ count: 3, amounts: { EUR: 100010, USD: 50000 } });
    expect(board.totals.CLOSED_WON).toEqual({ count: 0, amounts: {} });
    expect(board.totals).not.toHaveProperty('GONE');
  });

  it('follow a card that moves, per currency, without float drift', () => {
    const board = loadedBoard();
    const moved = placeCard(board, { ...findCard(board, '2')!, stage: 'NEGOTIATION' });
    expect(moved.totals.PROSPECTING).toEqual({ count: 2, amounts: { EUR: 100000, USD: 50000 } });
    expect(moved.totals.NEGOTIATION).toEqual({ count: 2, amounts: { EUR: 30 } });
    expect(moved.cards.NEGOTIATION.map((c) => c.id)).toEqual(['2', '4']);
    const dollars = placeCard(moved, { ...findCard(moved, '3')!, stage: 'CLOSED_WON' });
    expect(dollars.totals.PROSPECTING.amounts).toEqual({ EUR: 100000 });
    expect(dollars.totals.CLOSED_WON).toEqual({ count: 1, amounts: { USD: 50000 } });
  });

  it('count a card without an amount', () => {
    const board = withLoadedCards(emptyBoard(STAGES, { pipelineId: '1', stages: [
      { stage: 'PROSPECTING', name: 'P', sortOrder: 10, forecastCategory: 'PIPELINE', currency: null, count: 1, amount: null }] }),
    'PROSPECTING', [deal('9', 'PROSPECTING', null, null)]);
    const moved = placeCard(board, movedCard(findCard(board, '9')!, { stage: 'NEGOTIATION' }));
    expect(moved.totals.PROSPECTING).toEqual({ count: 0, amounts: {} });
    expect(moved.totals.NEGOTIATION).toEqual({ count: 1, amounts: {} });
  });

  it('are back where they were when a refused move is undone with the card as it was', () => {
    const board = loadedBoard();
    const original = findCard(board, '1')!;
    const moved = placeCard(board, movedCard(original, { stage: 'CLOSED_LOST' }));
    const undone = placeCard(moved, original);
    expect(undone.totals).toEqual(board.totals);
    expect(undone.cards.PROSPECTING.map((c) => c.id)).toEqual(board.cards.PROSPECTING.map((c) => c.id));
  });

  it('mirror the API answer: the card lands in the stage the server stored', () => {
    const board = loadedBoard();
    const optimistic = placeCard(board, movedCard(findCard(board, '1')!, { stage: 'NEGOTIATION' }));
    const stored = { ...findCard(board, '1')!, stage: 'CLOSED_WON', version: 2, amount: 1200 };
    const settled = placeCard(optimistic, stored);
    expect(settled.cards.NEGOTIATION.map((c) => c.id)).toEqual(['4']);
    expect(settled.cards.CLOSED_WON).toEqual([stored]);
    expect(settled.totals.CLOSED_WON.amounts).toEqual({ EUR: 120000 });
    expect(settled.totals.NEGOTIATION).toEqual({ count: 1, amounts: { EUR: 20 } });
  });

  it('keep a page of cards once and remember the next cursor', () => {
    const board = withLoadedCards(loadedBoard(), 'NEGOTIATION', [deal('4', 'NEGOTIATION', 0.2, 'EUR'), deal('5', 'NEGOTIATION', 1, 'EUR')]);
    expect(board.cards.NEGOTIATION.map((c) => c.id)).toEqual(['4', '5']);
    expect(board.more.NEGOTIATION).toBeUndefined();
    expect(board.totals.NEGOTIATION.count).toBe(1); // totals are the summary's, not the loaded cards'
    expect(totalsFromSummary(STAGES, SUMMARY).NEGOTIATION.count).toBe(1);
  });
});

describe('drag-move rules, as the API states them', () => {
  const lost = STAGES[3];
  const won = STAGES[2];

  it('moves to an open stage at once, and not at all onto its own stage', () => {
    expect(planMove(deal('1', 'PROSPECTING', 1, 'EUR'), STAGES[0], '2026-12-02')).toEqual({ kind: 'move', patch: { stage: 'NEGOTIATION' } });
    expect(planMove(deal('1', 'NEGOTIATION', 1, 'EUR'), STAGES[0], '2026-12-02')).toEqual({ kind: 'none' });
  });

  it('asks for a close date and a loss reason before a loss, proposing today and the reason known', () => {
    const plan = planMove({ ...deal('1', 'NEGOTIATION', 1, 'EUR'), lostReason: 'prix' }, lost, '2026-12-02');
    expect(plan).toEqual({ kind: 'ask', stage: lost, needs: ['expectedCloseDate', 'lostReason'],
      defaults: { expectedCloseDate: '2026-12-02', lostReason: 'prix' } });
  });

  it('wins directly when the deal has its close date, and asks for one when not', () => {
    expect(planMove(deal('1', 'NEGOTIATION', 1, 'EUR', '2027-01-15'), won, '2026-12-02').kind).toBe('move');
    const plan = planMove(deal('1', 'NEGOTIATION', 1, 'EUR'), won, '2026-12-02');
    expect(plan.kind === 'ask' && plan.needs).toEqual(['expectedCloseDate']);
  });

  it('sends a blank answer as no answer, for the API to refuse with its own message', () => {
    expect(movePatch(lost, { expectedCloseDate: '2026-12-02', lostReason: '   ' })).toEqual({ stage: 'CLOSED_LOST', expectedCloseDate: '2026-12-02' });
    expect(movePatch(lost, { expectedCloseDate: '2026-12-02', lostReason: ' Prix ' }))
      .toEqual({ stage: 'CLOSED_LOST', expectedCloseDate: '2026-12-02', lostReason: 'Prix' });
  });
});

describe('board filters', () => {
  it('live in the route query, and filter the summary and the columns alike', () => {
    const filters = filtersFromQuery(new URLSearchParams('ownerId=951&closeFrom=2027-01-01&closeTo=&other=x'));
    expect(filters).toEqual({ ownerId: '951', closeFrom: '2027-01-01' });
    expect(filtersToQuery(filters)).toBe('?ownerId=951&closeFrom=2027-01-01');
    expect(filtersToQuery({})).toBe('');
    expect(summaryQuery({ ...filters, pipelineId: '1' })).toEqual({ pipeline: '1', ownerId: '951', closeFrom: '2027-01-01', closeTo: undefined });
    expect(columnQuery(filters, '1', 'PROPOSAL', 50)).toEqual({ pipelineId: '1', stage: 'PROPOSAL', ownerId: '951',
      closeFrom: '2027-01-01', closeTo: undefined, limit: '50', cursor: undefined });
  });
});
