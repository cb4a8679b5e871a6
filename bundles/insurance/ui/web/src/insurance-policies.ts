import { html, nothing, type PropertyValues } from 'lit';
import { InsuranceElement, insuranceStyles } from './base';
import type { Page, Policy } from './insurance-api';

/** The policy terms, those of a party when the route says ?partyId=, or found by number. */
export class InsurancePolicies extends InsuranceElement {
  static override properties = { ...InsuranceElement.properties, items: { state: true }, error: { state: true } };
  declare items: Policy[] | undefined;
  declare error: string | undefined;
  private shown: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>) {
    const key = this.host ? `${this.host.query.get('partyId') ?? ''}|${this.host.query.get('number') ?? ''}` : undefined;
    if (changed.has('host') && this.host && key !== this.shown) {
      this.shown = key;
      void this.load();
    }
  }

  private async load() {
    try {
      const query = { partyId: this.host!.query.get('partyId') ?? undefined, number: this.host!.query.get('number') ?? undefined, limit: '50' };
      this.items = (await this.host!.api.get<Page<Policy>>('/insurance/policies', { query })).body.items;
      this.error = undefined;
    } catch (e) {
      this.error = this.failure(e);
    }
  }

  private search(event: Event) {
    event.preventDefault();
    const number = (this.renderRoot.querySelector('#number') as HTMLInputElement).value.trim();
    this.host!.navigate(number ? `insurance/policies?number=${encodeURIComponent(number)}` : 'insurance/policies');
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    return html`<h1>${this.t('policies.title')}</h1>
      <form class="row" role="search" @submit=${this.search}>
        <label>${this.t('field.number')}<input id="number" name="number" .value=${this.host.query.get('number') ?? ''}></label>
        <button type="submit">${this.t('search')}</button>
      </form>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${!this.items ? html`<p class="muted">${this.t('loading')}</p>` : this.items.length === 0
        ? html`<p class="muted">${this.t('none')}</p>`
        : html`<table aria-label=${this.t('policies.title')}><thead><tr><th>${this.t('field.number')}</th><th>${this.t('field.line')}</th>
            <th>${this.t('field.status')}</th><th>${this.t('field.term')}</th><th class="num">${this.t('field.premium')}</th></tr></thead>
            <tbody>${this.items.map((p) => html`<tr>
              <td><a href="#/insurance/policies/${p.id}">${p.number}</a> <span class="muted">${this.t('term.n', { n: p.termNumber })}</span></td>
              <td>${p.lineOfBusiness}${p.product ? ` · ${p.product}` : ''}</td>
              <td>${this.t(`status.${p.status}`)}</td>
              <td>${this.date(p.effectiveDate)} – ${this.date(p.expiryDate)}</td>
              <td class="num">${this.money(p.premium, p.currency)}</td></tr>`)}</tbody></table>`}`;
  }

  static override styles = insuranceStyles;
}
