import { css, html, nothing } from 'lit';
import { SalesElement, salesStyles } from './base';
import { codeLabel } from './format';

/** The shape of a section of GET /v1/parties/{id}/overview (core OverviewSectionDTO). */
interface OverviewSection {
  module: string;
  section: string;
  status?: 'OK' | 'TIMEOUT' | 'ERROR' | string;
  message?: string;
  figures: { key: string; label?: string; value: number; unit?: string | null }[];
  items: { id: string; type: string; title: string; subtitle?: string; status?: string; date?: string; at?: string;
    amount?: number | null; currency?: string | null; href?: string }[];
  href?: string;
}

/** Section hrefs are API paths relative to /v1 ("/sales/opportunities/42"), which are also the UI's routes. */
function route(href: string | undefined): string | undefined {
  return href ? `#${href}` : undefined;
}

abstract class SalesSection extends SalesElement {
  protected get data(): OverviewSection | undefined {
    return this.host?.section as OverviewSection | undefined;
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    const s = this.data;
    if (!s) {
      return html`<p class="muted">${this.t('loading')}</p>`;
    }
    if (s.status && s.status !== 'OK') {
      return html`<p class="muted" role="status">${this.t('overview.unavailable')}</p>`;
    }
    return this.renderSection(s);
  }

  /** The section's body, once it is there and complete. */
  protected abstract renderSection(s: OverviewSection): unknown;

  protected figures(s: OverviewSection, countKey: string, countLabel: string, amountKey?: string) {
    const count = s.figures.find((f) => f.key === countKey)?.value ?? 0;
    const amounts = amountKey ? s.figures.filter((f) => f.key === amountKey && f.unit) : [];
    return html`<p class="figures"><strong>${this.t(countLabel, { count })}</strong>
      ${amounts.length ? html` · ${amounts.map((f) => this.money(f.value, f.unit)).join(' · ')}` : nothing}</p>`;
  }

  static override styles = [salesStyles, css`
    .figures { margin: 0 0 .4rem; }
    ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .3rem; }
    li { display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
    .links { margin: .5rem 0 0; display: flex; gap: 1rem; flex-wrap: wrap; font-size: .9rem; }
  `];
}

/** The account's open opportunities on its 360° page: how many, their amount per currency, the next to close. */
export class SalesOverview extends SalesSection {
  protected renderSection(s: OverviewSection) {
    return html`
      ${this.figures(s, 'openCount', 'overview.openCount', 'openAmount')}
      <ul>${s.items.map((item) => html`<li>
        <a href=${route(item.href) ?? nothing}>${item.title}</a>
        <span class="muted">${codeLabel((k, v) => this.t(k, v), 'stage', item.subtitle?.split(' · ')[0], item.subtitle?.split(' · ')[0])}</span>
        ${item.amount !== null && item.amount !== undefined ? html`<span>${this.money(item.amount, item.currency)}</span>` : nothing}
        ${item.date ? html`<span class="muted">${this.t('card.closes', { date: this.date(item.date) })}</span>` : nothing}</li>`)}</ul>
      <p class="links">
        ${s.href ? html`<a href=${route(s.href)!}>${this.t('overview.allOpportunities')}</a>` : nothing}
        ${this.host?.partyId && this.can('sales.opportunity.write')
          ? html`<a href="#/sales/opportunities/new?accountId=${this.host.partyId}">${this.t('action.newOpportunity')}</a>` : nothing}
      </p>`;
  }
}

/** The account's quotes on its 360° page: how many, and the last one. */
export class SalesQuotesOverview extends SalesSection {
  protected renderSection(s: OverviewSection) {
    return html`
      ${this.figures(s, 'count', 'overview.quoteCount')}
      <ul>${s.items.map((item) => html`<li>
        <a href=${route(item.href) ?? nothing}>${item.title}</a>
        ${item.status ? html`<span class="muted">${codeLabel((k, v) => this.t(k, v), 'quoteStatus', item.status)}</span>` : nothing}
        ${item.amount !== null && item.amount !== undefined ? html`<span>${this.money(item.amount, item.currency)}</span>` : nothing}
        ${item.date ? html`<span class="muted">${this.t('overview.validUntil', { date: this.date(item.date) })}</span>` : nothing}</li>`)}</ul>`;
  }
}
