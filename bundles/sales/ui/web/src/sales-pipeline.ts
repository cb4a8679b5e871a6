import { css, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { SalesElement, etagOf, partyName, salesStyles } from './base';
import { codeLabel, localDay, totalsText } from './format';
import { isApiProblem } from '@tessera/ui-host';
import {
  columnQuery, emptyBoard, filtersFromQuery, filtersToQuery, findCard, movePatch, movedCard, placeCard, planMove, summaryQuery,
  totalsFromSummary, withLoadedCards, type Board, type BoardFilters, type ClosingField, type MovePlan,
} from './kanban';
import type { Agent, Opportunity, Page, Pipeline, PipelineSummary, Stage } from './sales-api';

const PAGE = 50;
const DRAG_TYPE = 'application/x-tessera-opportunity';

type Asking = Extract<MovePlan, { kind: 'ask' }> & { card: Opportunity; answers: Partial<Record<ClosingField, string>> };

/**
 * The pipeline as a board: one column per stage, cards dragged (or moved from their menu, by
 * keyboard) to another stage. A move shows at once, then follows the API's answer: the stored
 * card, or the card put back with the refusal in words.
 */
export class SalesPipeline extends SalesElement {
  static override properties = {
    ...SalesElement.properties,
    board: { state: true }, pipelines: { state: true }, agents: { state: true }, filters: { state: true },
    refusal: { state: true }, announcement: { state: true }, asking: { state: true }, openMenu: { state: true },
    dropTarget: { state: true }, loading: { state: true }, accountNames: { state: true },
  };
  declare board: Board | undefined;
  declare pipelines: Pipeline[];
  declare agents: Agent[];
  declare filters: BoardFilters;
  declare refusal: string;
  declare announcement: string;
  declare asking: Asking | undefined;
  declare openMenu: string | undefined;
  declare dropTarget: string | undefined;
  declare loading: boolean;
  declare accountNames: Record<string, string>;
  private loadedKey = '';
  private dragged: string | undefined;

  constructor() {
    super();
    this.pipelines = [];
    this.agents = [];
    this.filters = {};
    this.refusal = '';
    this.announcement = '';
    this.loading = false;
    this.accountNames = {};
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('host') && this.host) {
      const filters = filtersFromQuery(this.host.query);
      const key = filtersToQuery(filters);
      if (key !== this.loadedKey || !this.board) {
        this.loadedKey = key;
        this.filters = filters;
        void this.load();
      }
    }
  }

  private get pipeline(): Pipeline | undefined {
    return this.pipelines.find((p) => p.id === this.filters.pipelineId) ?? this.pipelines.find((p) => p.defaultPipeline) ?? this.pipelines[0];
  }

  private async load(): Promise<void> {
    const host = this.host!;
    this.loading = true;
    this.refusal = '';
    try {
      if (this.pipelines.length === 0) {
        const [pipelines, agents] = await Promise.all([
          host.api.get<Page<Pipeline>>('/sales/pipelines'),
          this.can('core.org.read') ? host.api.get<Page<Agent>>('/agents') : Promise.resolve({ body: { items: [] as Agent[] } }),
        ]);
        this.pipelines = pipelines.body.items;
        this.agents = agents.body.items.filter((a) => a.active !== false);
      }
      const pipeline = this.pipeline;
      if (!pipeline) {
        this.board = undefined;
        return;
      }
      const summary = await host.api.get<PipelineSummary>('/sales/pipeline', { query: summaryQuery({ ...this.filters, pipelineId: pipeline.id }) });
      let board = emptyBoard(pipeline.stages, summary.body);
      const pages = await Promise.all(board.stages.map((stage) =>
        host.api.get<Page<Opportunity>>('/sales/opportunities', { query: columnQuery(this.filters, pipeline.id, stage.code, PAGE) })));
      board.stages.forEach((stage, i) => {
        board = withLoadedCards(board, stage.code, pages[i].body.items, pages[i].body.nextCursor);
      });
      this.board = board;
      this.nameAccounts(pages.flatMap((p) => p.body.items));
    } catch (error) {
      this.refusal = this.failure(error);
    } finally {
      this.loading = false;
    }
  }

  private async loadMore(stage: string): Promise<void> {
    const pipeline = this.pipeline;
    const cursor = this.board?.more[stage];
    if (!pipeline || !cursor) {
      return;
    }
    try {
      const page = await this.host!.api.get<Page<Opportunity>>('/sales/opportunities',
        { query: columnQuery(this.filters, pipeline.id, stage, PAGE, cursor) });
      this.board = withLoadedCards(this.board!, stage, page.body.items, page.body.nextCursor);
      this.nameAccounts(page.body.items);
    } catch (error) {
      this.refusal = this.failure(error);
    }
  }

  private nameAccounts(cards: Opportunity[]): void {
    const ids = [...new Set(cards.map((c) => c.accountId))].filter((id) => !(id in this.accountNames));
    for (const id of ids) {
      void partyName(this.host!.api, id).then((name) => {
        this.accountNames = { ...this.accountNames, [id]: name };
      });
    }
  }

  /** The counts and amounts as the server computes them, after a move settled. */
  private async refreshTotals(): Promise<void> {
    const pipeline = this.pipeline;
    if (!pipeline || !this.board) {
      return;
    }
    try {
      const summary = await this.host!.api.get<PipelineSummary>('/sales/pipeline', { query: summaryQuery({ ...this.filters, pipelineId: pipeline.id }) });
      this.board = { ...this.board, totals: totalsFromSummary(this.board.stages, summary.body) };
    } catch {
      // the totals moved with the card already; the next load corrects any difference
    }
  }

  private applyFilters(next: BoardFilters): void {
    this.filters = next;
    this.loadedKey = filtersToQuery(next);
    this.host?.navigate(`sales/pipeline${this.loadedKey}`);
    void this.load();
  }

  private stageName(stage: Stage): string {
    return codeLabel((k, v) => this.t(k, v), 'stage', stage.code, stage.name);
  }

  // --- moving a card -------------------------------------------------------------------------

  private async requestMove(cardId: string, target: Stage): Promise<void> {
    this.openMenu = undefined;
    const card = this.board && findCard(this.board, cardId);
    if (!card) {
      return;
    }
    const plan = planMove(card, target, localDay(new Date()));
    if (plan.kind === 'none') {
      return;
    }
    if (plan.kind === 'ask') {
      this.asking = { ...plan, card, answers: { ...plan.defaults } };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal();
      return;
    }
    await this.move(card, target, movePatch(target, {}));
  }

  private async confirmAsked(event: Event): Promise<void> {
    event.preventDefault();
    const asking = this.asking;
    this.closeDialog();
    if (asking) {
      await this.move(asking.card, asking.stage, movePatch(asking.stage, asking.answers));
    }
  }

  private closeDialog(): void {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
    this.asking = undefined;
  }

  private async move(card: Opportunity, target: Stage, patch: Record<string, string>): Promise<void> {
    this.refusal = '';
    this.board = placeCard(this.board!, movedCard(card, patch));
    try {
      const stored = await this.host!.api.patch<Opportunity>(`/sales/opportunities/${card.id}`, patch, { ifMatch: etagOf(card.version) });
      this.board = placeCard(this.board!, stored.body);
      const landed = this.board.stages.find((s) => s.code === stored.body.stage) ?? target;
      this.announcement = this.t('pipeline.moved', { name: card.name, stage: this.stageName(landed) });
      void this.refreshTotals();
    } catch (error) {
      this.board = placeCard(this.board!, card);
      const reason = this.failure(error);
      this.refusal = this.t('pipeline.refused', { name: card.name, stage: this.stageName(target), reason });
      this.host?.notify(this.refusal, 'error');
      if (isApiProblem(error) && error.status === 412) {
        void this.load(); // changed by someone else: show it as it is now
      }
    }
  }

  private onDragStart(event: DragEvent, card: Opportunity): void {
    this.dragged = card.id;
    event.dataTransfer?.setData(DRAG_TYPE, card.id);
    event.dataTransfer?.setData('text/plain', card.name);
    if (event.dataTransfer) {
      event.dataTransfer.effectAllowed = 'move';
    }
  }

  private onDragOver(event: DragEvent, stage: Stage): void {
    if (this.dragged) {
      event.preventDefault();
      if (event.dataTransfer) {
        event.dataTransfer.dropEffect = 'move';
      }
      this.dropTarget = stage.code;
    }
  }

  private onDrop(event: DragEvent, stage: Stage): void {
    event.preventDefault();
    const id = event.dataTransfer?.getData(DRAG_TYPE) || this.dragged;
    this.dragged = undefined;
    this.dropTarget = undefined;
    if (id) {
      void this.requestMove(id, stage);
    }
  }

  private onDragEnd(): void {
    this.dragged = undefined;
    this.dropTarget = undefined;
  }

  private async toggleMenu(cardId: string): Promise<void> {
    this.openMenu = this.openMenu === cardId ? undefined : cardId;
    if (this.openMenu) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>(`[data-menu-for="${cardId}"] [role=menuitem]`)?.focus();
    }
  }

  private onMenuKey(event: KeyboardEvent, cardId: string): void {
    const items = [...this.renderRoot.querySelectorAll<HTMLElement>(`[data-menu-for="${cardId}"] [role=menuitem]`)];
    const index = items.indexOf(event.target as HTMLElement);
    if (event.key === 'Escape') {
      this.openMenu = undefined;
      this.renderRoot.querySelector<HTMLElement>(`[data-opportunity-id="${cardId}"] .move`)?.focus();
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
    }
  }

  // --- rendering -----------------------------------------------------------------------------

  override render() {
    if (!this.host) {
      return nothing;
    }
    const pipeline = this.pipeline;
    return html`
      <h1>${this.t('pipeline.title')}${pipeline && this.pipelines.length > 1 ? html` — ${pipeline.name}` : nothing}</h1>
      ${this.renderFilters()}
      <p class="visually-hidden" role="status" aria-live="polite">${this.announcement}</p>
      ${this.refusal ? html`<div class="alert" role="alert">${this.refusal}</div>` : nothing}
      ${this.loading && !this.board ? html`<p class="muted">${this.t('loading')}</p>` : nothing}
      ${this.board ? html`<div class="board">${repeat(this.board.stages, (s) => s.code, (s) => this.renderColumn(s))}</div>` : nothing}
      ${this.renderDialog()}`;
  }

  private renderFilters() {
    const f = this.filters;
    const me = this.agents.find((a) => a.login === this.host!.user.login);
    return html`
      <form class="row filters" @submit=${(e: Event) => e.preventDefault()} aria-label=${this.t('pipeline.filters')}>
        ${this.pipelines.length > 1 ? html`<label>${this.t('field.pipeline')}
          <select @change=${(e: Event) => this.applyFilters({ ...f, pipelineId: (e.target as HTMLSelectElement).value || undefined })}>
            ${this.pipelines.map((p) => html`<option value=${p.id} ?selected=${p.id === this.pipeline?.id}>${p.name}</option>`)}
          </select></label>` : nothing}
        <label>${this.t('field.owner')}
          <select @change=${(e: Event) => this.applyFilters({ ...f, ownerId: (e.target as HTMLSelectElement).value || undefined })}>
            <option value="" ?selected=${!f.ownerId}>${this.t('filter.anyOwner')}</option>
            ${me ? html`<option value=${me.id} ?selected=${f.ownerId === me.id}>${this.t('filter.me')}</option>` : nothing}
            ${this.agents.filter((a) => a !== me).map((a) => html`<option value=${a.id} ?selected=${f.ownerId === a.id}>${a.displayName}</option>`)}
          </select></label>
        <label>${this.t('filter.closeFrom')}
          <input type="date" .value=${f.closeFrom ?? ''}
            @change=${(e: Event) => this.applyFilters({ ...f, closeFrom: (e.target as HTMLInputElement).value || undefined })}></label>
        <label>${this.t('filter.closeTo')}
          <input type="date" .value=${f.closeTo ?? ''}
            @change=${(e: Event) => this.applyFilters({ ...f, closeTo: (e.target as HTMLInputElement).value || undefined })}></label>
        ${f.ownerId || f.closeFrom || f.closeTo
          ? html`<button type="button" @click=${() => this.applyFilters({ pipelineId: f.pipelineId })}>${this.t('filter.clear')}</button>` : nothing}
      </form>`;
  }

  private renderColumn(stage: Stage) {
    const board = this.board!;
    const totals = board.totals[stage.code];
    const headingId = `stage-${stage.code}`;
    const amounts = totalsText(totals.amounts, (a, c) => this.host!.formatMoney(a, c), '—');
    return html`
      <section class="column ${this.dropTarget === stage.code ? 'drop' : ''} ${stage.closed ? (stage.won ? 'won' : 'lost') : ''}"
          data-stage=${stage.code} aria-labelledby=${headingId}
          @dragover=${(e: DragEvent) => this.onDragOver(e, stage)} @dragleave=${() => { this.dropTarget = undefined; }}
          @drop=${(e: DragEvent) => this.onDrop(e, stage)}>
        <header>
          <h2 id=${headingId}>${this.stageName(stage)}</h2>
          <p class="totals">
            <span data-testid="stage-count" aria-label=${this.t('pipeline.count', { count: totals.count })}>${totals.count}</span>
            <span data-testid="stage-amount">${amounts}</span>
          </p>
        </header>
        <ul class="cards">
          ${repeat(board.cards[stage.code], (c) => c.id, (c) => this.renderCard(c, stage))}
        </ul>
        ${board.more[stage.code] ? html`<button type="button" class="more" @click=${() => this.loadMore(stage.code)}>
          ${this.t('pipeline.more', { shown: board.cards[stage.code].length, count: totals.count })}</button>` : nothing}
      </section>`;
  }

  private renderCard(card: Opportunity, stage: Stage) {
    const menuOpen = this.openMenu === card.id;
    const account = this.accountNames[card.accountId];
    return html`
      <li class="card" draggable="true" data-opportunity-id=${card.id} aria-label=${card.name}
          @dragstart=${(e: DragEvent) => this.onDragStart(e, card)} @dragend=${() => this.onDragEnd()}>
        <a class="name" href="#/sales/opportunities/${card.id}" draggable="false">${card.name}</a>
        ${account ? html`<span class="account">${account}</span>` : nothing}
        <span class="amount">${this.money(card.amount, card.currency)}</span>
        <span class="meta muted">${[card.expectedCloseDate ? this.t('card.closes', { date: this.date(card.expectedCloseDate) }) : '',
          card.probability !== null && card.probability !== undefined ? `${card.probability} %` : ''].filter(Boolean).join(' · ')}</span>
        <button type="button" class="move" aria-haspopup="menu" aria-expanded=${menuOpen ? 'true' : 'false'}
            aria-label=${this.t('card.moveTo', { name: card.name })} @click=${() => this.toggleMenu(card.id)}>${this.t('card.move')}</button>
        ${menuOpen ? html`
          <div class="menu" role="menu" data-menu-for=${card.id} aria-label=${this.t('card.moveTo', { name: card.name })}
              @keydown=${(e: KeyboardEvent) => this.onMenuKey(e, card.id)}>
            ${this.board!.stages.filter((s) => s.code !== stage.code).map((s) => html`
              <button type="button" role="menuitem" tabindex="-1" @click=${() => this.requestMove(card.id, s)}>${this.stageName(s)}</button>`)}
          </div>` : nothing}
      </li>`;
  }

  private renderDialog() {
    const asking = this.asking;
    return html`
      <dialog aria-labelledby="ask-title" @close=${() => { this.asking = undefined; }}>
        ${asking ? html`
          <form method="dialog" @submit=${(e: Event) => this.confirmAsked(e)}>
            <h2 id="ask-title">${this.t('pipeline.askTitle', { name: asking.card.name, stage: this.stageName(asking.stage) })}</h2>
            ${asking.needs.includes('expectedCloseDate') ? html`
              <label>${this.t('field.expectedCloseDate')}
                <input type="date" name="expectedCloseDate" .value=${asking.answers.expectedCloseDate ?? ''}
                  @input=${(e: Event) => { asking.answers.expectedCloseDate = (e.target as HTMLInputElement).value; }}></label>` : nothing}
            ${asking.needs.includes('lostReason') ? html`
              <label>${this.t('field.lostReason')}
                <textarea name="lostReason" rows="3" .value=${asking.answers.lostReason ?? ''}
                  @input=${(e: Event) => { asking.answers.lostReason = (e.target as HTMLTextAreaElement).value; }}></textarea></label>` : nothing}
            <div class="row actions">
              <button type="submit" class="primary">${this.t('pipeline.confirmMove')}</button>
              <button type="button" @click=${() => this.closeDialog()}>${this.t('cancel')}</button>
            </div>
          </form>` : nothing}
      </dialog>`;
  }

  static override styles = [salesStyles, css`
    .filters { margin-bottom: .75rem; }
    .board { display: grid; grid-auto-flow: column; grid-auto-columns: minmax(9rem, 1fr); gap: .5rem; overflow-x: auto;
      padding-bottom: .5rem; align-items: start; }
    .column { background: #f3f5f7; border: 2px solid transparent; border-radius: 6px; padding: .5rem; min-height: 8rem; }
    .column.drop { border-color: var(--tessera-primary, #0b57a4); background: #e8f1fb; }
    .column.won header h2 { color: #1d6b2f; }
    .column.lost header h2 { color: #8a1c1c; }
    header h2 { font-size: 1rem; margin: 0; }
    .totals { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: .25rem .5rem; margin: .25rem 0 .5rem; font-size: .85rem; color: #3b434c; }
    [data-testid=stage-count] { font-weight: 600; background: #dfe3e8; border-radius: 999px; padding: 0 .5rem; }
    .cards { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .4rem; }
    .card { position: relative; background: #fff; border: 1px solid #d0d5db; border-radius: 5px; padding: .45rem .5rem;
      display: flex; flex-direction: column; gap: .15rem; cursor: grab; }
    .card .name { font-weight: 600; text-decoration: none; }
    .card .name:hover { text-decoration: underline; }
    .card .account, .card .meta { font-size: .85rem; }
    .card .amount { font-variant-numeric: tabular-nums; }
    .card .move { align-self: flex-end; font-size: .8rem; padding: .1rem .5rem; }
    .menu { position: absolute; right: .25rem; top: 100%; z-index: 2; background: #fff; border: 1px solid #8a939d; border-radius: 4px;
      display: flex; flex-direction: column; min-width: 11rem; box-shadow: 0 4px 12px rgba(0,0,0,.15); }
    .menu button { border: 0; border-radius: 0; text-align: left; }
    .menu button:hover, .menu button:focus { background: #e8f1fb; }
    .more { width: 100%; margin-top: .4rem; }
    dialog { border: 1px solid #8a939d; border-radius: 6px; padding: 1rem 1.25rem; min-width: 20rem; }
    dialog form { display: flex; flex-direction: column; gap: .75rem; }
    dialog h2 { margin: 0; }
    @media (max-width: 900px) { .board { grid-auto-columns: minmax(11rem, 80vw); } }
  `];
}
