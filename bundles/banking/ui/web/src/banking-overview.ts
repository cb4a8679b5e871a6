import { html, nothing } from 'lit';
import { BankingElement, bankingStyles } from './base';

/** The section of GET /v1/parties/{id}/overview that BankingOverviewSection answers. */
interface OverviewSection {
  status?: string;
  figures: { key: string; label?: string; value: number; unit?: string | null }[];
  items: { id: string; type: string; title: string; subtitle?: string; status?: string; amount?: number | null; currency?: string | null }[];
}

/** A party's banking on its 360° page: accounts with balances, household net worth, and the offers to make now. */
export class BankingOverview extends BankingElement {
  override render() {
    if (!this.host) {
      return nothing;
    }
    const s = this.host.section as OverviewSection | undefined;
    if (!s) {
      return html`<p class="muted">${this.t('loading')}</p>`;
    }
    if (s.status && s.status !== 'OK') {
      return html`<p class="muted" role="status">${this.t('overview.unavailable')}</p>`;
    }
    const accounts = s.items.filter((i) => i.type === 'ACCOUNT');
    const worth = s.figures.filter((f) => f.key.startsWith('netWorth.') && f.unit);
    return html`
      <p><strong>${this.t('overview.accounts', { count: accounts.length })}</strong>
        ${worth.length ? html` · ${this.t('overview.netWorth')} ${worth.map((f) => this.money(f.value, f.unit)).join(' · ')}` : nothing}</p>
      <ul>${accounts.map((a) => html`<li>${a.title} <span class="muted">${a.subtitle ?? ''}</span> ${this.money(a.amount, a.currency)}</li>`)}</ul>
      <tessera-banking-offers .host=${this.host}></tessera-banking-offers>
      <p><a href="#/banking/parties/${this.host.partyId}">${this.t('overview.open')}</a></p>`;
  }

  static override styles = [bankingStyles];
}
