import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { TesseraHost } from '@tessera/ui-host';
import { fetchPage, problemMessage, type ModuleRecord, type Scope } from './records';
import { LIST_ROUTE } from './names';

/**
 * The route of the module's records (names.ts LIST_ROUTE): those the user may see, newest first, a page
 * at a time; of one party when the route's query has partyId (the link of the 360° section).
 */
export class RecordList extends LitElement {
  static properties = {
    host: { attribute: false },
    items: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
  };
  declare host: TesseraHost;
  declare items: ModuleRecord[];
  declare nextCursor: string | undefined;
  declare loading: boolean;
  declare error: string | undefined;

  constructor() {
    super();
    this.items = [];
    this.loading = false;
  }

  static styles = css`
    :host { display: block; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d0d4da; }
    .error { color: #a4161a; }
    button { font: inherit; padding: 0.35rem 0.9rem; margin-top: 0.75rem; }
  `;

  /** What the list shows: the API's answer depends on the user and on the party of the route's query. */
  private shown: string | undefined;

  /**
   * The shell hands a new host whenever it redraws (a new locale, user or route among the reasons): the
   * list starts again only when what it shows changed, and otherwise just draws in the new words.
   */
  protected willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('host') || !this.host) return;
    const shown = JSON.stringify([this.host.user.login, this.partyId ?? null, this.scope]);
    if (shown !== this.shown) {
      this.shown = shown;
      this.items = [];
      this.nextCursor = undefined;
      void this.load();
    }
  }

  /** "My requests" (?mine=true) and "my queues" (?myQueues=true) are the same list, filtered by the API. */
  private get scope(): Scope {
    return this.host.query.get('mine') === 'true' ? 'mine' : this.host.query.get('myQueues') === 'true' ? 'myQueues' : 'all';
  }

  private get partyId(): string | undefined {
    return this.host.query.get('partyId') ?? undefined;
  }

  private async load(cursor?: string) {
    this.loading = true;
    this.error = undefined;
    try {
      const page = await fetchPage(this.host, this.partyId, cursor, this.scope);
      this.items = cursor ? [...this.items, ...page.items] : page.items;
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.error = problemMessage(this.host, error);
    } finally {
      this.loading = false;
    }
  }

  render() {
    if (!this.host) return nothing;
    const t = this.host.t;
    const partyId = this.partyId;
    return html`
      <h1>${partyId ? t('list.titleOfParty', { partyId }) : t(this.scope === 'mine' ? 'list.mine' : this.scope === 'myQueues' ? 'list.myQueues' : 'list.title')}</h1>
      ${partyId ? nothing : html`<nav aria-label=${t('list.filters')}>
        <a href="#/${LIST_ROUTE}" aria-current=${this.scope === 'all' ? 'page' : 'false'}>${t('list.title')}</a> ·
        <a href="#/${LIST_ROUTE}?mine=true" aria-current=${this.scope === 'mine' ? 'page' : 'false'}>${t('list.mine')}</a> ·
        <a href="#/${LIST_ROUTE}?myQueues=true" aria-current=${this.scope === 'myQueues' ? 'page' : 'false'}>${t('list.myQueues')}</a>
      </nav>`}
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.items.length === 0 && !this.loading && !this.error ? html`<p>${t('list.empty')}</p>` : nothing}
      ${this.items.length
        ? html`<table>
            <thead>
              <tr><th scope="col">${t('field.name')}</th><th scope="col">${t('field.description')}</th><th scope="col">${t('field.status')}</th>
                <th scope="col">${t('field.party')}</th><th scope="col">${t('field.createdAt')}</th></tr>
            </thead>
            <tbody>
              ${this.items.map((item) => html`<tr>
                <td><a href="#/${LIST_ROUTE}/${encodeURIComponent(item.id)}">${item.number}</a></td>
                <td>${item.summary}</td><td>${item.status}</td>
                <td><a href="#/parties/${item.partyId}">${item.partyId}</a></td>
                <td>${this.host.formatDate(item.createdAt)}</td>
              </tr>`)}
            </tbody>
          </table>`
        : nothing}
      ${this.loading ? html`<p role="status">${t('list.loading')}</p>` : nothing}
      ${this.nextCursor && !this.loading ? html`<button @click=${() => this.load(this.nextCursor)}>${t('list.more')}</button>` : nothing}
    `;
  }
}
