import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import type { TesseraHost } from '@tessera/ui-host';
import { OUTCOMES, campaignPath, problemMessage, type CallEntry, type Campaign, type MemberStatus, type Offer, type Page, type Totals } from './api';

/**
 * A campaign (the Siebel campaign screen): its totals and ROI under either attribution model, its
 * offers, and the agent's call list — each member with the call script rendered for them and a form
 * that records the outcome of the call in one request.
 */
export class CampaignPage extends LitElement {
  static properties = {
    host: { attribute: false },
    campaign: { state: true },
    totals: { state: true },
    offers: { state: true },
    statuses: { state: true },
    calls: { state: true },
    attribution: { state: true },
    loading: { state: true },
    error: { state: true },
  };
  declare host: TesseraHost;
  declare campaign: Campaign | undefined;
  declare totals: Totals | undefined;
  declare offers: Offer[];
  declare statuses: MemberStatus[];
  declare calls: CallEntry[];
  declare attribution: string;
  declare loading: boolean;
  declare error: string | undefined;
  private shownId: string | undefined;

  constructor() {
    super();
    this.offers = [];
    this.statuses = [];
    this.calls = [];
    this.attribution = 'PRIMARY';
    this.loading = false;
  }

  static styles = css`
    :host { display: block; }
    dl { display: grid; grid-template-columns: max-content auto; gap: 0.2rem 1rem; }
    dt { color: #5b6470; }
    section { margin: 1rem 0; }
    article { border: 1px solid #d0d4da; border-radius: 4px; padding: 0.6rem; margin: 0.5rem 0; }
    form { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: end; }
    label { display: flex; flex-direction: column; font-size: 0.9rem; }
    select, button { font: inherit; padding: 0.3rem 0.5rem; }
    .error { color: #a4161a; }
  `;

  protected willUpdate(changed: PropertyValues<this>) {
    const id = this.host?.params.id;
    if (changed.has('host') && id && id !== this.shownId) {
      this.shownId = id;
      void this.load();
    }
  }

  async load() {
    const id = this.shownId as string;
    this.loading = true;
    this.error = undefined;
    try {
      const api = this.host.api;
      this.campaign = (await api.get<Campaign>(campaignPath(id))).body;
      this.statuses = (await api.get<Page<MemberStatus>>(`${campaignPath(id)}/statuses`)).body.items;
      this.offers = (await api.get<Page<Offer>>(`${campaignPath(id)}/offers`)).body.items;
      this.calls = (await api.get<Page<CallEntry>>(`${campaignPath(id)}/call-list`, { query: { limit: '50' } })).body.items;
      await this.loadTotals();
    } catch (error) {
      this.error = problemMessage(this.host, error);
    } finally {
      this.loading = false;
    }
  }

  private async loadTotals() {
    this.totals = (await this.host.api.get<Totals>(`${campaignPath(this.shownId as string)}/totals`,
      { query: { subtree: 'true', attribution: this.attribution } })).body;
  }

  private async changeAttribution(event: Event) {
    this.attribution = (event.target as HTMLSelectElement).value;
    try {
      await this.loadTotals();
    } catch (error) {
      this.error = problemMessage(this.host, error);
    }
  }

  /** POST …/members/{partyId}/responses: the activity and the member's new status in one request. */
  private async record(event: SubmitEvent, entry: CallEntry) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    try {
      await this.host.api.post(`${campaignPath(this.shownId as string)}/members/${encodeURIComponent(entry.partyId)}/responses`,
        { status: data.get('status'), outcome: data.get('outcome'), channel: 'PHONE', offerId: entry.offerId });
      this.host.notify(this.host.t('calls.recorded', { name: entry.displayName }));
      await this.load();
    } catch (error) {
      this.error = problemMessage(this.host, error);
    }
  }

  private figure(value: number | undefined | null, money = false) {
    if (value === undefined || value === null) return '—';
    return money && this.campaign?.currency ? this.host.formatMoney(value, this.campaign.currency) : String(value);
  }

  render() {
    if (!this.host) return nothing;
    const t = this.host.t;
    const c = this.campaign;
    return html`
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loading && !c ? html`<p role="status">${t('list.loading')}</p>` : nothing}
      ${c ? html`
        <h1>${c.name}</h1>
        <p>${c.type} · ${c.status}${c.sourceCode ? html` · ${c.sourceCode}` : nothing}</p>
        <section aria-labelledby="totals">
          <h2 id="totals">${t('totals.title')}</h2>
          <label>${t('totals.attribution')}
            <select @change=${this.changeAttribution} .value=${this.attribution}>
              <option value="PRIMARY">${t('totals.primary')}</option>
              <option value="EVEN_SPLIT">${t('totals.evenSplit')}</option>
            </select></label>
          ${this.totals ? html`<dl>
            <dt>${t('totals.members')}</dt><dd>${this.totals.members}</dd>
            <dt>${t('totals.responses')}</dt><dd>${this.totals.responses} (${this.figure(this.totals.responseRate)} %)</dd>
            <dt>${t('totals.suppressed')}</dt><dd>${this.totals.suppressed}</dd>
            <dt>${t('totals.opportunities')}</dt><dd>${this.totals.opportunities} / ${this.totals.wonOpportunities}</dd>
            <dt>${t('totals.wonAmount')}</dt><dd>${this.figure(this.totals.wonAmount, true)}</dd>
            <dt>${t('totals.cost')}</dt><dd>${this.figure(this.totals.actualCost, true)}</dd>
            <dt>${t('totals.roi')}</dt><dd data-figure="roi">${this.figure(this.totals.roi)}</dd>
          </dl>` : nothing}
        </section>
        <section aria-labelledby="offers">
          <h2 id="offers">${t('offers.title')}</h2>
          ${this.offers.length ? html`<ul>${this.offers.map((o) => html`<li>${o.name}${o.discountPercent
            ? html` — ${t('offers.rule', { percent: o.discountPercent, quantity: o.minQuantity ?? 1 })}` : nothing}</li>`)}</ul>`
            : html`<p>${t('offers.none')}</p>`}
        </section>
        <section aria-labelledby="calls">
          <h2 id="calls">${t('calls.title')}</h2>
          ${this.calls.length === 0 ? html`<p>${t('calls.empty')}</p>` : nothing}
          ${this.calls.map((entry) => html`<article aria-label=${entry.displayName}>
            <h3>${entry.displayName}${entry.phone ? html` · <a href="tel:${entry.phone}">${entry.phone}</a>` : nothing}</h3>
            ${entry.offerName ? html`<p>${t('calls.offer', { name: entry.offerName })}</p>` : nothing}
            ${entry.script ? html`<div class="script">${unsafeHTML(entry.script)}</div>` : nothing}
            <form @submit=${(e: SubmitEvent) => this.record(e, entry)} aria-label=${t('calls.record', { name: entry.displayName })}>
              <label>${t('calls.outcome')}<select name="outcome">${OUTCOMES.map((o) => html`<option value=${o}>${o}</option>`)}</select></label>
              <label>${t('calls.status')}<select name="status">${this.statuses.map((s) => html`<option value=${s.code}>${s.label}</option>`)}</select></label>
              <button type="submit">${t('calls.save')}</button>
            </form>
          </article>`)}
        </section>` : nothing}
    `;
  }
}
