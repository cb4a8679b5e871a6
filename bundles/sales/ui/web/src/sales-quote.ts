import { css, html, nothing, type PropertyValues } from 'lit';
import { SalesElement, etagOf, partyName, salesStyles } from './base';
import { codeLabel } from './format';
import { isApiProblem } from '@tessera/ui-host';
import { QUOTE_NEXT, type Product, type Quote, type QuoteStatus } from './sales-api';

/** A quote: its lines and totals as the server computed them, and the next steps of its approval. */
export class SalesQuote extends SalesElement {
  static override properties = {
    ...SalesElement.properties, quote: { state: true }, account: { state: true }, products: { state: true },
    refusal: { state: true }, busy: { state: true },
  };
  declare quote: Quote | undefined;
  declare account: string;
  declare products: Record<string, string>;
  declare refusal: string;
  declare busy: boolean;
  private loadedFor = '';

  constructor() {
    super();
    this.account = '';
    this.products = {};
    this.refusal = '';
    this.busy = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('host') && this.host && this.host.params.id !== this.loadedFor) {
      this.loadedFor = this.host.params.id;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      const quote = await this.host!.api.get<Quote>(`/sales/quotes/${encodeURIComponent(this.host!.params.id)}`);
      this.quote = quote.body;
      this.account = await partyName(this.host!.api, quote.body.accountId);
      for (const id of new Set(quote.body.lines.map((l) => l.productId).filter((p): p is string => !!p))) {
        this.host!.api.get<Product>(`/sales/products/${encodeURIComponent(id)}`).then(
          (r) => { this.products = { ...this.products, [id]: r.body.name }; }, () => undefined);
      }
    } catch (error) {
      this.refusal = this.failure(error);
    }
  }

  private async setStatus(status: QuoteStatus): Promise<void> {
    const quote = this.quote!;
    this.busy = true;
    this.refusal = '';
    try {
      this.quote = (await this.host!.api.patch<Quote>(`/sales/quotes/${quote.id}`, { status }, { ifMatch: etagOf(quote.version) })).body;
    } catch (error) {
      this.refusal = this.failure(error);
      if (isApiProblem(error) && error.status === 412) {
        void this.load();
      }
    } finally {
      this.busy = false;
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    const q = this.quote;
    if (!q) {
      return this.refusal ? html`<div class="alert" role="alert">${this.refusal}</div>` : html`<p class="muted">${this.t('loading')}</p>`;
    }
    const status = (s: string) => codeLabel((k, v) => this.t(k, v), 'quoteStatus', s);
    return html`
      <p class="crumbs"><a href="#/sales/opportunities/${q.opportunityId}">${this.t('quote.backToOpportunity')}</a></p>
      <h1>${this.t('quote.title', { number: q.number })}${q.name ? html` — ${q.name}` : nothing}</h1>
      ${this.refusal ? html`<div class="alert" role="alert">${this.refusal}</div>` : nothing}
      <dl class="fields">
        <dt>${this.t('field.accountId')}</dt><dd><a href="#/parties/${q.accountId}">${this.account}</a></dd>
        <dt>${this.t('field.status')}</dt><dd data-testid="quote-status">${status(q.status)}</dd>
        <dt>${this.t('field.validUntil')}</dt><dd>${this.date(q.validUntil) || '—'}</dd>
        <dt>${this.t('field.taxRate')}</dt><dd>${q.taxRate ?? 0} %</dd>
      </dl>
      ${this.can('sales.quote.write') && QUOTE_NEXT[q.status].length > 0 ? html`<div class="row steps">
        ${QUOTE_NEXT[q.status].map((next) => html`<button type="button" ?disabled=${this.busy} @click=${() => this.setStatus(next)}>
          ${this.t('quote.setStatus', { status: status(next) })}</button>`)}</div>` : nothing}
      <h2>${this.t('opportunity.lines')}</h2>
      <table><thead><tr><th>${this.t('field.product')}</th><th class="num">${this.t('field.quantity')}</th><th class="num">${this.t('field.unitPrice')}</th>
        <th class="num">${this.t('field.discount')}</th><th class="num">${this.t('field.totalPrice')}</th></tr></thead>
      <tbody>${q.lines.map((l) => html`<tr><td>${(l.productId && this.products[l.productId]) || l.description || l.productId}</td>
        <td class="num">${l.quantity ?? ''}</td><td class="num">${this.money(l.unitPrice, q.currency)}</td>
        <td class="num">${l.discount ? `${l.discount} %` : ''}</td><td class="num">${this.money(l.totalPrice, q.currency)}</td></tr>`)}</tbody>
      <tfoot>
        <tr><th colspan="4" class="num">${this.t('quote.subtotal')}</th><td class="num">${this.money(q.subtotal, q.currency)}</td></tr>
        <tr><th colspan="4" class="num">${this.t('quote.discountTotal')}</th><td class="num">${this.money(q.discountTotal, q.currency)}</td></tr>
        <tr><th colspan="4" class="num">${this.t('quote.netTotal')}</th><td class="num">${this.money(q.netTotal, q.currency)}</td></tr>
        <tr><th colspan="4" class="num">${this.t('quote.taxAmount')}</th><td class="num">${this.money(q.taxAmount, q.currency)}</td></tr>
        <tr><th colspan="4" class="num">${this.t('quote.grandTotal')}</th><td class="num"><strong>${this.money(q.grandTotal, q.currency)}</strong></td></tr>
      </tfoot></table>`;
  }

  static override styles = [salesStyles, css`.crumbs { margin: 0 0 .25rem; font-size: .9rem; } .steps { margin: .75rem 0; }`];
}
