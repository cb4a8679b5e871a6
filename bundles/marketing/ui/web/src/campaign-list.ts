import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { TesseraHost } from '@tessera/ui-host';
import { problemMessage, type Campaign, type Page } from './api';
import { LIST_ROUTE } from './names';

const TYPES = ['EMAIL', 'PHONE', 'DIRECT_MAIL', 'EVENT', 'WEB', 'ADVERTISING', 'OTHER'];

/** The campaigns, a page at a time, and a short form to start a new one. */
export class CampaignList extends LitElement {
  static properties = {
    host: { attribute: false },
    items: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
  };
  declare host: TesseraHost;
  declare items: Campaign[];
  declare nextCursor: string | undefined;
  declare loading: boolean;
  declare error: string | undefined;
  private shownFor: string | undefined;

  constructor() {
    super();
    this.items = [];
    this.loading = false;
  }

  static styles = css`
    :host { display: block; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d0d4da; }
    form { display: flex; gap: 0.5rem; align-items: end; margin: 1rem 0; flex-wrap: wrap; }
    label { display: flex; flex-direction: column; font-size: 0.9rem; }
    input, select, button { font: inherit; padding: 0.3rem 0.5rem; }
    .error { color: #a4161a; }
  `;

  protected willUpdate(changed: PropertyValues<this>) {
    if (changed.has('host') && this.host && this.host.user.login !== this.shownFor) {
      this.shownFor = this.host.user.login;
      void this.load();
    }
  }

  async load(cursor?: string) {
    this.loading = true;
    this.error = undefined;
    try {
      const page = (await this.host.api.get<Page<Campaign>>('/marketing/campaigns', { query: { cursor, limit: '50' } })).body;
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.error = problemMessage(this.host, error);
    } finally {
      this.loading = false;
    }
  }

  private async create(event: SubmitEvent) {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const data = new FormData(form);
    try {
      const created = (await this.host.api.post<Campaign>('/marketing/campaigns', { name: data.get('name'), type: data.get('type') })).body;
      this.host.navigate(`${LIST_ROUTE}/${created.id}`);
    } catch (error) {
      this.error = problemMessage(this.host, error);
    }
  }

  render() {
    if (!this.host) return nothing;
    const t = this.host.t;
    return html`
      <h1>${t('list.title')}</h1>
      <form @submit=${this.create} aria-label=${t('list.new')}>
        <label>${t('field.name')}<input name="name" required maxlength="200"></label>
        <label>${t('field.type')}<select name="type">${TYPES.map((type) => html`<option value=${type}>${type}</option>`)}</select></label>
        <button type="submit">${t('list.create')}</button>
      </form>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.items.length === 0 && !this.loading && !this.error ? html`<p>${t('list.empty')}</p>` : nothing}
      ${this.items.length
        ? html`<table>
            <thead><tr><th scope="col">${t('field.name')}</th><th scope="col">${t('field.type')}</th>
              <th scope="col">${t('field.status')}</th><th scope="col">${t('field.sourceCode')}</th></tr></thead>
            <tbody>${this.items.map((c) => html`<tr>
              <td style="padding-left:${(c.depth - 1) * 1.2 + 0.6}rem"><a href="#/${LIST_ROUTE}/${c.id}">${c.name}</a></td>
              <td>${c.type}</td><td>${c.status}</td><td>${c.sourceCode ?? ''}</td></tr>`)}</tbody>
          </table>`
        : nothing}
      ${this.loading ? html`<p role="status">${t('list.loading')}</p>` : nothing}
      ${this.nextCursor && !this.loading ? html`<button @click=${() => this.load(this.nextCursor)}>${t('list.more')}</button>` : nothing}
    `;
  }
}
