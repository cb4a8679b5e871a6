import { css, html, nothing } from 'lit';
import { InsuranceElement, insuranceStyles } from './base';
import { route } from './insurance-api';

/** The shape of a section of GET /v1/parties/{id}/overview (core OverviewSectionDTO). */
interface OverviewSection {
  status?: string;
  figures: { key: string; value: number; unit?: string | null }[];
  items: { id: string; type: string; title: string; subtitle?: string; status?: string; amount?: number | null; currency?: string | null; href?: string }[];
  href?: string;
}

/**
 * The insurance section of the 360° page: terms in force, annual premiums, open claims; for a
 * household, the same figures rolled up, then each member's. It sits beside the other modules'
 * sections (banking's rollups among them) on the one 360° page of the party.
 */
export class InsuranceSection extends InsuranceElement {
  private get data(): OverviewSection | undefined {
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
    const figure = (key: string) => s.figures.find((f) => f.key === key);
    const premium = figure('annualPremium');
    return html`<p class="figures"><strong>${this.t('overview.inForce', { count: figure('policiesInForce')?.value ?? 0 })}</strong>
        ${premium ? html` · ${this.t('overview.annualPremium', { amount: this.money(premium.value, premium.unit) })}` : nothing}
        · ${this.t('overview.openClaims', { count: figure('openClaims')?.value ?? 0 })}</p>
      <ul>${s.items.map((item) => html`<li>
        <a href=${route(item.href) ?? nothing}>${item.title}</a>
        ${item.subtitle ? html`<span class="muted">${item.subtitle}</span>` : nothing}
        ${item.amount !== null && item.amount !== undefined ? html`<span>${this.money(item.amount, item.currency)}</span>` : nothing}</li>`)}</ul>
      ${s.href ? html`<p class="links"><a href=${route(s.href)!}>${this.t('overview.allPolicies')}</a></p>` : nothing}`;
  }

  static override styles = [insuranceStyles, css`
    .figures { margin: 0 0 .4rem; }
    ul { list-style: none; padding: 0; margin: 0; display: flex; flex-direction: column; gap: .3rem; }
    li { display: flex; flex-wrap: wrap; gap: .25rem .75rem; }
    .links { margin: .5rem 0 0; font-size: .9rem; }
  `];
}
