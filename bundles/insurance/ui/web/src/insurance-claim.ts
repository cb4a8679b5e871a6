import { html, nothing, type PropertyValues } from 'lit';
import { InsuranceElement, insuranceStyles } from './base';
import { CLAIM_NEXT, etagOf, payableLeft, type Claim, type Policy } from './insurance-api';

/** One claim: its amounts per coverage, what remains payable, its status moves and a payment form. */
export class InsuranceClaim extends InsuranceElement {
  static override properties = { ...InsuranceElement.properties, claim: { state: true }, policy: { state: true }, error: { state: true } };
  declare claim: Claim | undefined;
  declare policy: Policy | undefined;
  declare error: string | undefined;
  private shown: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (changed.has('host') && this.host && this.host.params.id !== this.shown) {
      this.shown = this.host.params.id;
      void this.load();
    }
  }

  private async load() {
    try {
      this.claim = (await this.host!.api.get<Claim>(`/insurance/claims/${encodeURIComponent(this.host!.params.id)}`)).body;
      this.policy = (await this.host!.api.get<Policy>(`/insurance/policies/${this.claim.policyId}`,
        { query: { asOf: this.claim.lossDate } })).body;
      this.error = undefined;
    } catch (e) {
      this.error = this.failure(e);
    }
  }

  private async move(status: string) {
    try {
      this.claim = (await this.host!.api.post<Claim>(`/insurance/claims/${this.claim!.id}/transitions`, { status },
        { headers: { 'If-Match': etagOf(this.claim!.version) } })).body;
      this.error = undefined;
    } catch (e) {
      this.error = this.failure(e);
    }
  }

  private async pay(event: Event) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const coverageCode = (form.querySelector('#coverage') as HTMLSelectElement).value;
    const amount = Number((form.querySelector('#amount') as HTMLInputElement).value);
    try {
      this.claim = (await this.host!.api.post<Claim>(`/insurance/claims/${this.claim!.id}/payments`, { coverageCode, amount },
        { headers: { 'If-Match': etagOf(this.claim!.version) } })).body;
      this.error = undefined;
      this.host!.notify(this.t('paid'));
    } catch (e) {
      this.error = this.failure(e);
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    const c = this.claim;
    if (!c) {
      return this.error ? html`<p class="alert" role="alert">${this.error}</p>` : html`<p class="muted">${this.t('loading')}</p>`;
    }
    const currency = this.policy?.currency ?? 'EUR';
    const writable = this.can('insurance.claim.write');
    const payable = c.status === 'APPROVED' || c.status === 'PAID';
    return html`<h1>${this.t('claim.title', { number: c.number })}</h1>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <dl class="fields">
        <dt>${this.t('field.status')}</dt><dd data-testid="claim-status">${this.t(`claimStatus.${c.status}`)}</dd>
        <dt>${this.t('field.policy')}</dt><dd><a href="#/insurance/policies/${c.policyId}">${c.policyNumber}</a></dd>
        <dt>${this.t('field.lossDate')}</dt><dd>${this.date(c.lossDate)}</dd>
        <dt>${this.t('field.type')}</dt><dd>${c.type}</dd>
        ${c.serviceRequestId ? html`<dt>${this.t('field.serviceRequest')}</dt><dd>#${c.serviceRequestId}</dd>` : nothing}
      </dl>
      ${writable ? html`<p class="row">${CLAIM_NEXT[c.status].map((s) => html`<button @click=${() => this.move(s)}>${this.t(`move.${s}`)}</button>`)}</p>` : nothing}
      <h2>${this.t('amounts.title')}</h2>
      <table aria-label=${this.t('amounts.title')}><thead><tr><th>${this.t('field.coverage')}</th><th class="num">${this.t('field.claimed')}</th>
        <th class="num">${this.t('field.approved')}</th><th class="num">${this.t('field.paid')}</th><th class="num">${this.t('field.payableLeft')}</th></tr></thead>
        <tbody>${c.amounts.map((a) => html`<tr><td>${a.coverageCode}</td><td class="num">${this.money(a.claimed, currency)}</td>
          <td class="num">${this.money(a.approved, currency)}</td><td class="num">${this.money(a.paid, currency)}</td>
          <td class="num">${this.money(payableLeft(a, this.policy?.coverages.find((x) => x.code === a.coverageCode)), currency)}</td></tr>`)}</tbody></table>
      ${writable && payable ? html`<form class="row" @submit=${this.pay} aria-label=${this.t('action.pay')}>
        <label>${this.t('field.coverage')}<select id="coverage">${c.amounts.map((a) => html`<option value=${a.coverageCode}>${a.coverageCode}</option>`)}</select></label>
        <label>${this.t('field.amount')}<input id="amount" type="number" min="0.01" step="0.01" required></label>
        <button class="primary" type="submit">${this.t('action.pay')}</button></form>` : nothing}`;
  }

  static override styles = insuranceStyles;
}
