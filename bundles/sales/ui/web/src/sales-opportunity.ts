import { css, html, nothing, type PropertyValues } from 'lit';
import { SalesElement, etagOf, partyName, salesStyles } from './base';
import { codeLabel, fieldErrors } from './format';
import { isApiProblem } from '@tessera/ui-host';
import type { Opportunity, OpportunityHistory, Page, Pipeline, Product, Quote } from './sales-api';

/** The fields the edit form changes, as merge-patch members. */
const EDITABLE = ['name', 'stage', 'amount', 'currency', 'probability', 'expectedCloseDate', 'nextStep', 'lostReason'] as const;
type Editable = (typeof EDITABLE)[number];
type Draft = Record<Editable, string>;

function draftOf(o: Partial<Opportunity>): Draft {
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  return Object.fromEntries(EDITABLE.map((f) => [f, text(o[f])])) as Draft;
}

/** The merge patch of what the user changed, numbers as numbers and a cleared field as null. */
export function draftPatch(before: Draft, after: Draft): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const f of EDITABLE) {
    if (before[f] !== after[f]) {
      const value = after[f].trim();
      patch[f] = value === '' ? null : f === 'amount' || f === 'probability' ? Number(value) : f === 'currency' ? value.toUpperCase() : value;
    }
  }
  return patch;
}

/**
 * An opportunity: its fields, lines, contact roles, competitors, stage history and quotes; edited
 * with If-Match (a change made meanwhile is shown, never overwritten). With the id 'new', the form
 * that creates one for an account (the party action "new opportunity").
 */
export class SalesOpportunity extends SalesElement {
  static override properties = {
    ...SalesElement.properties,
    opportunity: { state: true }, history: { state: true }, quotes: { state: true }, pipeline: { state: true },
    names: { state: true }, products: { state: true }, editing: { state: true }, draft: { state: true }, errors: { state: true },
    refusal: { state: true }, notice: { state: true }, busy: { state: true },
  };
  declare opportunity: Opportunity | undefined;
  declare history: OpportunityHistory[];
  declare quotes: Quote[];
  declare pipeline: Pipeline | undefined;
  declare names: Record<string, string>;
  declare products: Record<string, string>;
  declare editing: boolean;
  declare draft: Draft;
  declare errors: Record<string, string>;
  declare refusal: string;
  declare notice: string;
  declare busy: boolean;
  private loadedFor = '';

  constructor() {
    super();
    this.history = [];
    this.quotes = [];
    this.names = {};
    this.products = {};
    this.editing = false;
    this.draft = draftOf({});
    this.errors = {};
    this.refusal = '';
    this.notice = '';
    this.busy = false;
  }

  private get isNew(): boolean {
    return !this.host?.params.id || this.host.params.id === 'new';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('host') && this.host) {
      const key = `${this.host.params.id ?? 'new'}?${this.host.query.get('accountId') ?? ''}`;
      if (key !== this.loadedFor) {
        this.loadedFor = key;
        this.opportunity = undefined;
        this.editing = this.isNew;
        void (this.isNew ? this.prepareNew() : this.load());
      }
    }
  }

  private async prepareNew(): Promise<void> {
    const accountId = this.host!.query.get('accountId') ?? '';
    this.draft = { ...draftOf({}), currency: 'EUR' };
    await this.loadPipeline();
    if (accountId) {
      this.name(accountId);
    }
  }

  private async loadPipeline(id?: string): Promise<void> {
    const pipelines = await this.host!.api.get<Page<Pipeline>>('/sales/pipelines');
    this.pipeline = pipelines.body.items.find((p) => p.id === id) ?? pipelines.body.items.find((p) => p.defaultPipeline);
  }

  private async load(): Promise<void> {
    const api = this.host!.api;
    const id = encodeURIComponent(this.host!.params.id);
    try {
      const [opportunity, history, quotes] = await Promise.all([
        api.get<Opportunity>(`/sales/opportunities/${id}`),
        api.get<Page<OpportunityHistory>>(`/sales/opportunities/${id}/history`),
        this.can('sales.quote.read') ? api.get<Page<Quote>>('/sales/quotes', { query: { opportunityId: this.host!.params.id } })
          : Promise.resolve({ body: { items: [] as Quote[] } }),
      ]);
      this.opportunity = opportunity.body;
      this.history = [...history.body.items].reverse(); // newest first
      this.quotes = quotes.body.items;
      this.draft = draftOf(opportunity.body);
      await this.loadPipeline(opportunity.body.pipelineId);
      this.name(opportunity.body.accountId);
      opportunity.body.contactRoles.forEach((r) => this.name(r.partyId));
      this.nameProducts(opportunity.body);
    } catch (error) {
      this.refusal = this.failure(error);
    }
  }

  private name(partyId: string): void {
    void partyName(this.host!.api, partyId).then((n) => { this.names = { ...this.names, [partyId]: n }; });
  }

  private nameProducts(o: Opportunity): void {
    for (const id of new Set(o.lineItems.map((l) => l.productId).filter((p): p is string => !!p))) {
      this.host!.api.get<Product>(`/sales/products/${encodeURIComponent(id)}`).then(
        (r) => { this.products = { ...this.products, [id]: r.body.name }; }, () => undefined);
    }
  }

  private stageLabel(code: string | null | undefined): string {
    return codeLabel((k, v) => this.t(k, v), 'stage', code, this.pipeline?.stages.find((s) => s.code === code)?.name);
  }

  private async save(event: Event): Promise<void> {
    event.preventDefault();
    this.busy = true;
    this.errors = {};
    this.refusal = '';
    try {
      if (this.isNew) {
        const body = { ...draftPatch(draftOf({}), this.draft), accountId: this.host!.query.get('accountId') ?? undefined };
        const created = await this.host!.api.post<Opportunity>('/sales/opportunities', body);
        this.host!.notify(this.t('opportunity.created', { name: created.body.name }), 'info');
        this.host!.navigate(`sales/opportunities/${created.body.id}`);
        return;
      }
      const before = this.opportunity!;
      const patch = draftPatch(draftOf(before), this.draft);
      if (Object.keys(patch).length === 0) {
        this.editing = false;
        return;
      }
      const saved = await this.host!.api.patch<Opportunity>(`/sales/opportunities/${before.id}`, patch, { ifMatch: etagOf(before.version) });
      this.opportunity = saved.body;
      this.draft = draftOf(saved.body);
      this.editing = false;
      this.notice = this.t('opportunity.saved');
      void this.reloadHistory();
    } catch (error) {
      if (isApiProblem(error) && error.status === 412) {
        await this.changedMeanwhile();
      } else if (isApiProblem(error) && error.problem.errors?.length) {
        this.errors = fieldErrors((k, v) => this.t(k, v), error.problem);
        this.refusal = Object.values(this.errors).join(' ');
      } else {
        this.refusal = this.failure(error);
      }
    } finally {
      this.busy = false;
    }
  }

  /** 412: show the record as it is now and which fields moved; the user's draft stays, to reapply deliberately. */
  private async changedMeanwhile(): Promise<void> {
    const mine = this.opportunity!;
    const now = (await this.host!.api.get<Opportunity>(`/sales/opportunities/${mine.id}`)).body;
    const changed = draftPatch(draftOf(mine), draftOf(now));
    this.opportunity = now;
    this.refusal = this.t('opportunity.changedMeanwhile', {
      fields: Object.keys(changed).map((f) => this.t(`field.${f}`)).join(', ') || this.t('opportunity.otherFields'),
    });
    void this.reloadHistory();
  }

  private async reloadHistory(): Promise<void> {
    const history = await this.host!.api.get<Page<OpportunityHistory>>(`/sales/opportunities/${this.opportunity!.id}/history`);
    this.history = [...history.body.items].reverse();
  }

  private async newQuote(): Promise<void> {
    try {
      const quote = await this.host!.api.post<Quote>('/sales/quotes', { opportunityId: this.opportunity!.id });
      this.host!.navigate(`sales/quotes/${quote.body.id}`);
    } catch (error) {
      this.refusal = this.failure(error);
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    const o = this.opportunity;
    if (this.isNew) {
      const accountId = this.host.query.get('accountId');
      return html`<h1>${this.t('opportunity.newTitle')}</h1>
        ${accountId ? html`<p>${this.t('field.accountId')}: <a href="#/parties/${accountId}">${this.names[accountId] ?? `#${accountId}`}</a></p>`
          : html`<p class="alert" role="alert">${this.t('opportunity.needsAccount')}</p>`}
        ${this.refusal ? html`<div class="alert" role="alert">${this.refusal}</div>` : nothing}
        ${this.renderForm()}`;
    }
    if (!o) {
      return this.refusal ? html`<div class="alert" role="alert">${this.refusal}</div>` : html`<p class="muted">${this.t('loading')}</p>`;
    }
    return html`
      <p class="crumbs"><a href="#/sales/pipeline">${this.t('menu.pipeline')}</a></p>
      <h1>${o.name}</h1>
      ${this.refusal ? html`<div class="alert" role="alert">${this.refusal}</div>` : nothing}
      ${this.notice ? html`<p class="info" role="status">${this.notice}</p>` : nothing}
      ${this.editing ? this.renderForm() : this.renderFields(o)}
      <h2>${this.t('opportunity.lines')}</h2>
      ${o.lineItems.length === 0 ? html`<p class="muted">${this.t('none')}</p>` : html`
        <table><thead><tr><th>${this.t('field.product')}</th><th class="num">${this.t('field.quantity')}</th>
          <th class="num">${this.t('field.unitPrice')}</th><th class="num">${this.t('field.discount')}</th><th class="num">${this.t('field.totalPrice')}</th></tr></thead>
        <tbody>${o.lineItems.map((l) => html`<tr>
          <td>${(l.productId && this.products[l.productId]) || l.description || l.productId}</td><td class="num">${l.quantity ?? ''}</td>
          <td class="num">${this.money(l.unitPrice, o.currency)}</td><td class="num">${l.discount ? `${l.discount} %` : ''}</td>
          <td class="num">${this.money(l.totalPrice, o.currency)}</td></tr>`)}</tbody></table>`}
      <h2>${this.t('opportunity.contactRoles')}</h2>
      ${o.contactRoles.length === 0 ? html`<p class="muted">${this.t('none')}</p>` : html`<ul>${o.contactRoles.map((r) => html`
        <li><a href="#/parties/${r.partyId}">${this.names[r.partyId] ?? `#${r.partyId}`}</a> — ${codeLabel((k, v) => this.t(k, v), 'role', r.role)}
          ${r.primary ? html`<strong>(${this.t('opportunity.primary')})</strong>` : nothing}</li>`)}</ul>`}
      <h2>${this.t('opportunity.competitors')}</h2>
      ${o.competitors.length === 0 ? html`<p class="muted">${this.t('none')}</p>` : html`
        <table><thead><tr><th>${this.t('field.competitor')}</th><th>${this.t('field.strengths')}</th><th>${this.t('field.weaknesses')}</th></tr></thead>
        <tbody>${o.competitors.map((c) => html`<tr><td>${c.name}</td><td>${c.strengths ?? ''}</td><td>${c.weaknesses ?? ''}</td></tr>`)}</tbody></table>`}
      <h2>${this.t('opportunity.quotes')}</h2>
      ${this.quotes.length === 0 ? html`<p class="muted">${this.t('none')}</p>` : html`<ul>${this.quotes.map((q) => html`
        <li><a href="#/sales/quotes/${q.id}">${q.number}${q.name ? ` ${q.name}` : ''}</a> — ${codeLabel((k, v) => this.t(k, v), 'quoteStatus', q.status)}
          · ${this.money(q.grandTotal, q.currency)}</li>`)}</ul>`}
      ${this.can('sales.quote.write') ? html`<button type="button" @click=${() => this.newQuote()}>${this.t('opportunity.newQuote')}</button>` : nothing}
      <h2>${this.t('opportunity.history')}</h2>
      <table><thead><tr><th>${this.t('history.when')}</th><th>${this.t('field.stage')}</th><th class="num">${this.t('field.amount')}</th>
        <th class="num">${this.t('field.probability')}</th><th>${this.t('field.expectedCloseDate')}</th><th>${this.t('history.by')}</th></tr></thead>
      <tbody>${this.history.map((h) => html`<tr>
        <td>${this.date(h.changedAt, true)}</td><td>${this.stageLabel(h.stage)}</td><td class="num">${this.money(h.amount, h.currency)}</td>
        <td class="num">${h.probability ?? ''}${h.probability !== null && h.probability !== undefined ? ' %' : ''}</td>
        <td>${this.date(h.expectedCloseDate)}</td><td>${h.changedBy ?? ''}</td></tr>`)}</tbody></table>`;
  }

  private renderFields(o: Opportunity) {
    return html`
      <dl class="fields">
        <dt>${this.t('field.accountId')}</dt><dd><a href="#/parties/${o.accountId}">${this.names[o.accountId] ?? `#${o.accountId}`}</a></dd>
        <dt>${this.t('field.stage')}</dt><dd data-testid="opportunity-stage">${this.stageLabel(o.stage)}</dd>
        <dt>${this.t('field.amount')}</dt><dd>${this.money(o.amount, o.currency) || '—'}</dd>
        <dt>${this.t('field.probability')}</dt><dd>${o.probability ?? ''} %</dd>
        <dt>${this.t('field.expectedRevenue')}</dt><dd>${this.money(o.expectedRevenue, o.currency) || '—'}</dd>
        <dt>${this.t('field.expectedCloseDate')}</dt><dd>${this.date(o.expectedCloseDate) || '—'}</dd>
        <dt>${this.t('field.nextStep')}</dt><dd>${o.nextStep || '—'}</dd>
        ${o.lostReason ? html`<dt>${this.t('field.lostReason')}</dt><dd>${o.lostReason}</dd>` : nothing}
      </dl>
      ${this.can('sales.opportunity.write') ? html`<p><button type="button" @click=${() => { this.editing = true; this.notice = ''; }}>${this.t('edit')}</button></p>` : nothing}`;
  }

  private renderForm() {
    const d = this.draft;
    const input = (field: Editable, type = 'text', extra: Record<string, string> = {}) => html`
      <label>${this.t(`field.${field}`)}
        <input name=${field} type=${type} .value=${d[field]} step=${extra.step ?? nothing} min=${extra.min ?? nothing} max=${extra.max ?? nothing}
          aria-invalid=${this.errors[field] ? 'true' : 'false'}
          @input=${(e: Event) => { this.draft = { ...d, [field]: (e.target as HTMLInputElement).value }; }}>
        ${this.errors[field] ? html`<span class="error">${this.errors[field]}</span>` : nothing}</label>`;
    return html`
      <form class="edit" @submit=${(e: Event) => this.save(e)} novalidate>
        <div class="row">${input('name')}
          <label>${this.t('field.stage')}
            <select name="stage" @change=${(e: Event) => { this.draft = { ...d, stage: (e.target as HTMLSelectElement).value }; }}>
              ${this.isNew ? html`<option value="" ?selected=${!d.stage}>${this.t('opportunity.firstStage')}</option>` : nothing}
              ${(this.pipeline?.stages ?? []).map((s) => html`<option value=${s.code} ?selected=${s.code === d.stage}>${this.stageLabel(s.code)}</option>`)}
            </select></label>
        </div>
        <div class="row">${input('amount', 'number', { step: '0.01', min: '0' })}${input('currency')}
          ${input('probability', 'number', { min: '0', max: '100' })}${input('expectedCloseDate', 'date')}</div>
        <div class="row">${input('nextStep')}${input('lostReason')}</div>
        <div class="row">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.t(this.isNew ? 'create' : 'save')}</button>
          ${this.isNew ? nothing : html`<button type="button" @click=${() => { this.editing = false; this.draft = draftOf(this.opportunity!); this.errors = {}; this.refusal = ''; }}>
            ${this.t('cancel')}</button>`}
        </div>
      </form>`;
  }

  static override styles = [salesStyles, css`
    .crumbs { margin: 0 0 .25rem; font-size: .9rem; }
    form.edit { display: flex; flex-direction: column; gap: .6rem; background: #f6f8fa; padding: .75rem; border-radius: 6px; }
    ul { padding-left: 1.2rem; }
  `];
}

/** The opportunities of an account (the link of its 360° section), or of every account in the perimeter. */
export class SalesOpportunityList extends SalesElement {
  static override properties = { ...SalesElement.properties, page: { state: true }, refusal: { state: true }, account: { state: true } };
  declare page: Page<Opportunity> | undefined;
  declare refusal: string;
  declare account: string;
  private loadedFor = '';

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('host') && this.host) {
      const query = this.host.query.toString();
      if (query !== this.loadedFor) {
        this.loadedFor = query;
        void this.load();
      }
    }
  }

  private async load(cursor?: string): Promise<void> {
    const q = this.host!.query;
    const accountId = q.get('accountId') ?? undefined;
    try {
      const page = await this.host!.api.get<Page<Opportunity>>('/sales/opportunities', { query: {
        accountId, status: q.get('status') ?? undefined, ownerId: q.get('ownerId') ?? undefined, limit: '50', cursor } });
      this.page = cursor && this.page ? { items: [...this.page.items, ...page.body.items], nextCursor: page.body.nextCursor } : page.body;
      if (accountId) {
        this.account = await partyName(this.host!.api, accountId);
      }
    } catch (error) {
      this.refusal = this.failure(error);
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    const accountId = this.host.query.get('accountId');
    return html`
      <h1>${accountId && this.account ? this.t('list.titleOf', { account: this.account }) : this.t('list.title')}</h1>
      ${accountId ? html`<p><a href="#/parties/${accountId}">${this.account}</a>
        · <a href="#/sales/opportunities/new?accountId=${accountId}">${this.t('action.newOpportunity')}</a></p>` : nothing}
      ${this.refusal ? html`<div class="alert" role="alert">${this.refusal}</div>` : nothing}
      ${this.page && this.page.items.length === 0 ? html`<p class="muted">${this.t('none')}</p>` : nothing}
      ${this.page && this.page.items.length > 0 ? html`<table>
        <thead><tr><th>${this.t('field.name')}</th><th>${this.t('field.stage')}</th><th class="num">${this.t('field.amount')}</th>
          <th>${this.t('field.expectedCloseDate')}</th></tr></thead>
        <tbody>${this.page.items.map((o) => html`<tr><td><a href="#/sales/opportunities/${o.id}">${o.name}</a></td>
          <td>${codeLabel((k, v) => this.t(k, v), 'stage', o.stage)}</td><td class="num">${this.money(o.amount, o.currency)}</td>
          <td>${this.date(o.expectedCloseDate)}</td></tr>`)}</tbody></table>` : nothing}
      ${this.page?.nextCursor ? html`<button type="button" @click=${() => this.load(this.page!.nextCursor)}>${this.t('list.more')}</button>` : nothing}`;
  }

  static override styles = [salesStyles];
}
