import { html, nothing } from 'lit';
import { BankingElement, bankingStyles } from './base';
import type { Account } from './banking-api';

/** An account (#/banking/accounts/:id), where the search, the timeline and the 360° section lead: its fields and the parties on it. */
export class BankingAccount extends BankingElement {
  static override properties = { ...BankingElement.properties, account: { state: true }, error: { state: true } };
  declare account: Account | undefined;
  declare error: string | undefined;
  private shown: string | undefined;

  protected override willUpdate(): void {
    if (this.host && this.host.params.id !== this.shown) {
      this.shown = this.host.params.id;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    try {
      this.account = (await this.host!.api.get<Account>(`/banking/accounts/${encodeURIComponent(this.shown ?? '')}`)).body;
      this.error = undefined;
    } catch (error) {
      this.error = this.failure(error);
    }
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    if (this.error) {
      return html`<p class="alert" role="alert">${this.error}</p>`;
    }
    const a = this.account;
    if (!a) {
      return html`<p class="muted">${this.t('loading')}</p>`;
    }
    return html`<h1>${a.type} ${a.number}</h1>
      <dl>
        <dt>${this.t('field.status')}</dt><dd>${a.status}${a.heldAway ? html` · ${this.t('account.heldAway')}` : nothing}</dd>
        ${a.product ? html`<dt>${this.t('field.product')}</dt><dd>${a.product}</dd>` : nothing}
        ${a.balance !== null && a.balance !== undefined ? html`<dt>${this.t('field.balance')}</dt><dd>${this.money(a.balance, a.currency)}</dd>` : nothing}
        ${a.openedOn ? html`<dt>${this.t('account.openedOn')}</dt><dd>${this.date(a.openedOn)}</dd>` : nothing}
      </dl>
      <h2>${this.t('account.roles')}</h2>
      <table aria-label=${this.t('account.roles')}>
        <thead><tr><th>${this.t('account.party')}</th><th>${this.t('account.role')}</th><th>${this.t('account.from')}</th></tr></thead>
        <tbody>${a.roles.map((r) => html`<tr><td><a href="#/banking/parties/${r.partyId}">#${r.partyId}</a></td>
          <td>${r.role}${r.sharePercent ? html` (${r.sharePercent} %)` : nothing}</td><td>${this.date(r.from)}${r.thru ? html` – ${this.date(r.thru)}` : nothing}</td></tr>`)}</tbody>
      </table>`;
  }

  static override styles = [bankingStyles];
}
