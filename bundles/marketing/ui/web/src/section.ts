import { LitElement, css, html, nothing } from 'lit';
import type { TesseraHost } from '@tessera/ui-host';
import { LIST_ROUTE } from './names';

/** The module's section of GET /v1/parties/{id}/overview, as its OverviewContributor writes it. */
export interface RecordsOverview {
  status?: string;
  message?: string;
  figures?: { key: string; label?: string; value: number }[];
  items?: { id: string; title: string; subtitle?: string; at?: string }[];
}

/**
 * The module's section of a party's 360° page: how many records, the latest ones, and a link to the
 * party's full list. Draws the section JSON the shell hands over; calls nothing itself.
 */
export class RecordsSection extends LitElement {
  static properties = { host: { attribute: false } };
  declare host: TesseraHost;

  static styles = css`
    :host { display: block; }
    ul { margin: 0.25rem 0; padding-left: 1.2rem; }
    .sub { color: #5b6470; }
  `;

  render() {
    if (!this.host) return nothing;
    const t = this.host.t;
    const section = (this.host.section ?? {}) as RecordsOverview;
    if (section.status && section.status !== 'OK') {
      return html`<p role="status">${section.message ?? t('section.unavailable')}</p>`;
    }
    const count = section.figures?.find((f) => f.key === 'count')?.value ?? 0;
    const items = section.items ?? [];
    return html`
      <p>${t('section.count', { count })}</p>
      ${items.length
        ? html`<ul>
            ${items.map((item) => html`<li>${item.title}${item.subtitle ? html` <span class="sub">${item.subtitle}</span>` : nothing}
              ${item.at ? html` <span class="sub">${this.host.formatDate(item.at)}</span>` : nothing}</li>`)}
          </ul>`
        : nothing}
      ${count > 0 ? html`<a href="#/${LIST_ROUTE}?partyId=${encodeURIComponent(this.host.partyId ?? '')}">${t('section.all')}</a>` : nothing}
    `;
  }
}
