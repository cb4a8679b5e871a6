import { LitElement, css, html, nothing } from 'lit';
import type { TesseraHost } from '@tessera/ui-host';
import { LIST_ROUTE } from './names';

/** Marketing's section of GET /v1/parties/{id}/overview (CampaignsSection on the server). */
export interface CampaignsOverview {
  status?: string;
  message?: string;
  figures?: { key: string; value: number }[];
  items?: { id: string; type: string; title: string; subtitle?: string; status?: string; at?: string; href?: string }[];
}

/** A party's active campaigns and last response, on its 360° page. Draws the section JSON; calls nothing. */
export class CampaignsSection extends LitElement {
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
    const section = (this.host.section ?? {}) as CampaignsOverview;
    if (section.status && section.status !== 'OK') {
      return html`<p role="status">${section.message ?? t('section.unavailable')}</p>`;
    }
    const active = section.figures?.find((f) => f.key === 'activeCampaigns')?.value ?? 0;
    const items = section.items ?? [];
    return html`
      <p>${t('section.active', { count: active })}</p>
      ${items.length ? html`<ul>${items.map((item) => html`<li>
          <a href="#/${LIST_ROUTE}/${item.id.split(':')[2]}">${item.title}</a>
          <span class="sub">${item.type === 'RESPONSE' ? t('section.lastResponse') : item.subtitle} · ${item.status ?? ''}</span>
          ${item.at ? html` <span class="sub">${this.host.formatDate(item.at)}</span>` : nothing}</li>`)}</ul>` : nothing}
    `;
  }
}
