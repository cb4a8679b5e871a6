import { LitElement, html, css, nothing } from 'lit';
import type { CoreHost } from '../context';
import type { OverviewItem, OverviewSection } from '../model';
import { shared } from '../styles';
import { formatNumber } from '../format';

/** The generic rendering of an overview section that its module gives no element for: its figures and items. */
export class TesseraOverviewSection extends LitElement {
  static properties = { host: { attribute: false }, section: { attribute: false } };
  declare host: CoreHost;
  declare section: OverviewSection;

  static styles = [
    shared,
    css`
      :host { display: block; }
      .figures { display: flex; flex-wrap: wrap; gap: 1rem; margin-bottom: 0.5rem; }
      .figure { min-width: 6rem; }
      .figure .value { font-size: 1.3rem; font-weight: 700; }
      .figure .label { color: var(--muted); font-size: 0.85rem; }
      li { padding: 0.35rem 0; border-top: 1px solid #e3e6eb; }
      li:first-child { border-top: none; }
      .sub { color: var(--muted); font-size: 0.88rem; }
    `,
  ];

  render() {
    const { section, host } = this;
    if (!section || !host) return nothing;
    const t = host.t;
    if (section.status && section.status !== 'OK') {
      return html`<p class="muted" role="status">${t('overview.unavailable', { status: t(`overview.status.${section.status}`) })}</p>`;
    }
    const empty = !section.figures?.length && !section.items?.length;
    return html`
      ${section.figures?.length
        ? html`<div class="figures">
            ${section.figures.map(
              (figure) => html`<div class="figure">
                <div class="value">${figure.unit ? host.formatMoney(figure.value, figure.unit) : formatNumber(host.locale, figure.value)}</div>
                <div class="label">${figure.label ?? figure.key}</div>
              </div>`,
            )}
          </div>`
        : nothing}
      ${section.items?.length ? html`<ul class="plain">${section.items.map((item) => this.item(item))}</ul>` : nothing}
      ${empty ? html`<p class="muted">${t('overview.empty')}</p>` : nothing}
    `;
  }

  private item(item: OverviewItem) {
    const host = this.host;
    const details = [
      item.subtitle,
      item.status,
      item.at ? host.formatDate(item.at, true) : item.date ? host.formatDate(item.date) : undefined,
      item.amount !== undefined && item.amount !== null && item.currency ? host.formatMoney(item.amount, item.currency) : undefined,
    ].filter(Boolean);
    return html`<li>
      ${item.href ? html`<a href=${`#${item.href}`}>${item.title}</a>` : html`<span>${item.title}</span>`}
      ${details.length ? html`<div class="sub">${details.join(' · ')}</div>` : nothing}
    </li>`;
  }
}

customElements.define('tessera-overview-section', TesseraOverviewSection);
