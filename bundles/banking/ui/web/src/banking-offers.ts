import { html, nothing } from 'lit';
import { BankingElement, bankingStyles } from './base';
import { decisionPath, type OfferDecision, type Page, type ProposedOffer } from './banking-api';

/**
 * The offers to propose to a party now, each with why it matched, and the agent's answer: accept
 * (a follow-up is created) or reject with a reason (the rule then rests for its cool-down).
 * Attribute-free: the party comes from the host (a section's partyId or a route's :id).
 */
export class BankingOffers extends BankingElement {
  static override properties = { ...BankingElement.properties, offers: { state: true }, error: { state: true }, reasons: { state: true } };
  declare offers: ProposedOffer[] | undefined;
  declare error: string | undefined;
  declare reasons: Record<string, string>;
  private shownParty: string | undefined;

  constructor() {
    super();
    this.reasons = {};
  }

  protected get partyId(): string | undefined {
    return this.host?.partyId ?? this.host?.params.id;
  }

  protected override willUpdate(): void {
    if (this.host && this.partyId !== this.shownParty) {
      this.shownParty = this.partyId;
      void this.load();
    }
  }

  async load(): Promise<void> {
    if (!this.host || !this.partyId) {
      return;
    }
    try {
      this.offers = (await this.host.api.get<Page<ProposedOffer>>(`/banking/parties/${encodeURIComponent(this.partyId)}/offers`)).body.items;
      this.error = undefined;
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  private async answer(offer: ProposedOffer, decision: 'accept' | 'reject'): Promise<void> {
    if (!this.host || !this.partyId) {
      return;
    }
    const body = decision === 'accept' ? {} : { reason: this.reasons[offer.ruleId] ?? '' };
    try {
      const done = await this.host.api.post<OfferDecision>(decisionPath(this.partyId, offer.ruleId, decision), body);
      this.host.notify(this.t(decision === 'accept' ? 'offer.accepted' : 'offer.rejected', { name: done.body.offerName }));
      this.error = undefined;
      await this.load();
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    const alert = this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing;
    if (!this.offers) {
      return this.error ? alert : html`<p class="muted">${this.t('loading')}</p>`;
    }
    if (!this.offers.length) {
      return html`<p class="muted">${this.t('offers.none')}</p>`;
    }
    const writable = this.can('banking.client.write');
    return html`${alert}<ul class="offers" aria-label=${this.t('offers.title')}>${this.offers.map((offer) => html`
      <li data-rule=${offer.ruleKey}>
        <strong>${offer.offer.name}</strong>
        <div class="muted">${this.t('offers.because', { reasons: offer.reasons.join('; ') })}</div>
        ${writable ? html`<div class="actions">
          <button class="primary" @click=${() => this.answer(offer, 'accept')}
            aria-label=${this.t('offer.accept', { name: offer.offer.name })}>${this.t('offer.acceptShort')}</button>
          <label>${this.t('offer.reason')}
            <input .value=${this.reasons[offer.ruleId] ?? ''} aria-label=${this.t('offer.reasonFor', { name: offer.offer.name })}
              @input=${(e: Event) => { this.reasons = { ...this.reasons, [offer.ruleId]: (e.target as HTMLInputElement).value }; }}></label>
          <button @click=${() => this.answer(offer, 'reject')}
            aria-label=${this.t('offer.reject', { name: offer.offer.name })}>${this.t('offer.rejectShort')}</button>
        </div>` : nothing}
      </li>`)}</ul>`;
  }

  static override styles = [bankingStyles];
}
