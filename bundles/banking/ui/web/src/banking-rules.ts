import { html, nothing } from 'lit';
import { BankingElement, bankingStyles } from './base';
import { describeCondition, type OfferRule, type Page } from './banking-api';

/** The next-best-offer rules (#/banking/offer-rules), highest priority first. */
export class BankingRules extends BankingElement {
  static override properties = { ...BankingElement.properties, rules: { state: true }, error: { state: true } };
  declare rules: OfferRule[] | undefined;
  declare error: string | undefined;
  private loaded = false;

  protected override willUpdate(): void {
    if (this.host && !this.loaded) {
      this.loaded = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.rules = (await this.host!.api.get<Page<OfferRule>>('/banking/offer-rules')).body.items;
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    return html`<h1>${this.t('rules.title')}</h1>
      ${this.error ? html`<p class="alert" role="alert">${this.error}</p>` : nothing}
      ${!this.rules ? html`<p class="muted">${this.t('loading')}</p>` : !this.rules.length ? html`<p class="muted">${this.t('rules.none')}</p>`
        : html`<table aria-label=${this.t('rules.title')}>
          <thead><tr><th class="num">${this.t('field.priority')}</th><th>${this.t('field.name')}</th><th>${this.t('field.offer')}</th>
            <th>${this.t('field.conditions')}</th><th class="num">${this.t('field.coolDownDays')}</th></tr></thead>
          <tbody>${this.rules.map((r) => html`<tr><td class="num">${r.priority}</td><td>${r.name}${r.active ? nothing : html` <span class="muted">(${this.t('rules.inactive')})</span>`}</td>
            <td>${r.offer.name ?? r.offer.code}</td><td>${r.conditions.map(describeCondition).join(' ∧ ')}</td><td class="num">${r.coolDownDays}</td></tr>`)}</tbody>
        </table>`}`;
  }

  static override styles = [bankingStyles];
}
