import { html, nothing, type PropertyValues } from 'lit';
import { InsuranceElement, insuranceStyles } from './base';
import { etagOf, type Claim, type Page, type Policy } from './insurance-api';

/**
 * One policy term, as of a date (the date field reads what the term covered then: coverages,
 * premium and participants of the revision in force), its revisions, its claims and its renewal.
 */
export class InsurancePolicy extends InsuranceElement {
  static override properties = { ...InsuranceElement.properties, policy: { state: true }, claims: { state: true }, error: { state: true } };
  declare policy: Policy | undefined;
  declare claims: Claim[] | undefined;
  declare error: string | undefined;
  private shown: string | undefined;

  protected override willUpdate(changed: PropertyValues<this>) {
    const key = this.host ? `${this.host.params.id}|${this.host.query.get('asOf') ?? ''}` : undefined;
    if (changed.has('host') && this.host && key !== this.shown) {
      this.shown = key;
      void this.load();
    }
  }

  private async load() {
    const id = encodeURIComponent(this.host!.params.id);
    try {
      const asOf = this.host!.query.get('asOf') ?? undefined;
      this.policy = (await this.host!.api.get<Policy>(`/insurance/policies/${id}`, { query: { asOf } })).body;
      this.claims = (await this.host!.api.get<Page<Claim>>(`/insurance/policies/${id}/claims`)).body.items;
      this.error = undefined;
    } catch (e) {
      this.error = this.failure(e);
    }
  }

  private readAsOf(event: Event) {
    event.preventDefault();
    const asOf = (this.renderRoot.querySelector('#asOf') as HTMLInputElement).value;
    this.host!.navigate(`insurance/policies/${this.host!.params.id}${asOf ? `?asOf=${asOf}` : ''}`);
  }

  private async renew() {
    try {
      const next = await this.host!.api.post<Policy>(`/insurance/policies/${this.policy!.id}/renewals`, { reminderDaysBefore: 30 },
        { headers: { 'If-Match': etagOf(this.policy!.version) } });
      this.host!.notify(this.t('renewed', { number: next.body.number }));
      this.host!.navigate(`insurance/policies/${next.body.id}`);
    } catch (e) {
      this.error = this.failure(e);
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    const p = this.policy;
    if (!p) {
      return this.error ? html`<p class="alert" role="alert">${this.error}</p>` : html`<p class="muted">${this.t('loading')}</p>`;
    }
    const renewable = (p.status === 'IN_FORCE' || p.status === 'REINSTATED') && this.can('insurance.policy.write');
    return html`<h1>${this.t('policy.title', { number: p.number, n: p.termNumber })}</h1>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      <dl class="fields">
        <dt>${this.t('field.status')}</dt><dd>${this.t(`status.${p.status}`)}</dd>
        <dt>${this.t('field.line')}</dt><dd>${p.lineOfBusiness}${p.product ? ` · ${p.product}` : ''}</dd>
        <dt>${this.t('field.term')}</dt><dd>${this.date(p.effectiveDate)} – ${this.date(p.expiryDate)}</dd>
        <dt>${this.t('field.premium')}</dt><dd>${this.money(p.premium, p.currency)} · ${this.t(`frequency.${p.premiumFrequency}`)}</dd>
        <dt>${this.t('field.holder')}</dt><dd><a href="#/parties/${p.holderPartyId}">#${p.holderPartyId}</a></dd>
        ${p.renewedFromId ? html`<dt>${this.t('field.renewedFrom')}</dt><dd><a href="#/insurance/policies/${p.renewedFromId}">${this.t('term.n', { n: p.termNumber - 1 })}</a></dd>` : nothing}
        ${p.renewedById ? html`<dt>${this.t('field.renewedBy')}</dt><dd><a href="#/insurance/policies/${p.renewedById}">${this.t('term.n', { n: p.termNumber + 1 })}</a></dd>` : nothing}
      </dl>
      ${renewable ? html`<p><button class="primary" @click=${this.renew}>${this.t('action.renew')}</button></p>` : nothing}
      <form class="row" @submit=${this.readAsOf}>
        <label>${this.t('field.asOf')}<input id="asOf" type="date" min=${p.effectiveDate} .value=${p.asOf}></label>
        <button type="submit">${this.t('action.read')}</button>
        <span class="muted" data-testid="revision">${this.t('revision.n', { n: p.revision })}</span>
      </form>
      <h2>${this.t('coverages.title')}</h2>
      <table aria-label=${this.t('coverages.title')}><thead><tr><th>${this.t('field.code')}</th><th>${this.t('field.name')}</th>
        <th class="num">${this.t('field.limit')}</th><th class="num">${this.t('field.deductible')}</th><th>${this.t('field.insured')}</th></tr></thead>
        <tbody>${p.coverages.map((c) => html`<tr><td>${c.code}</td><td>${c.name}</td>
          <td class="num">${this.money(c.limit, p.currency)}</td><td class="num">${this.money(c.deductible, p.currency)}</td>
          <td>${c.insuredAsset ? `${c.insuredAsset.type}${c.insuredAsset.description ? ` · ${c.insuredAsset.description}` : ''}`
            : c.insuredPartyId ? `#${c.insuredPartyId}` : ''}</td></tr>`)}</tbody></table>
      <h2>${this.t('participants.title')}</h2>
      <ul>${p.participants.map((x) => html`<li><a href="#/parties/${x.partyId}">#${x.partyId}</a> ${this.t(`role.${x.role}`)}
        ${x.sharePercent !== null && x.sharePercent !== undefined ? html`· ${x.sharePercent} %` : nothing}
        ${x.minor ? html`· <span class="muted">${this.t('minor')}</span>` : nothing}</li>`)}</ul>
      <h2>${this.t('revisions.title')}</h2>
      <ol start="0">${p.revisions.map((r) => html`<li>${this.date(r.validFrom)} · ${this.money(r.premium, p.currency)}${r.reason ? ` · ${r.reason}` : ''}</li>`)}</ol>
      <h2>${this.t('claims.title')}</h2>
      ${!this.claims?.length ? html`<p class="muted">${this.t('none')}</p>` : html`<ul>${this.claims.map((c) => html`<li>
        <a href="#/insurance/claims/${c.id}">${c.number}</a> · ${c.type} · ${this.date(c.lossDate)} · ${this.t(`claimStatus.${c.status}`)}</li>`)}</ul>`}`;
  }

  static override styles = insuranceStyles;
}
