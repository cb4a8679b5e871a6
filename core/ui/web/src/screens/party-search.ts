import { html, css, nothing } from 'lit';
import { Screen } from './screen';
import type { Agent, CustomFieldDefinition, OrgUnit, Page, Party } from '../model';
import { emptyFilters, filtersFromQuery, filtersToApiQuery, filtersToQuery, type PartyFilters, type PartySort } from '../search/filters';
import { shared } from '../styles';

const PAGE_SIZE = 25;

/** The advanced search of parties; its filters live in the hash, so a search can be bookmarked. */
export class TesseraPartySearch extends Screen {
  static properties = {
    ...Screen.properties,
    filters: { state: true },
    rows: { state: true },
    nextCursor: { state: true },
    loading: { state: true },
    error: { state: true },
    agents: { state: true },
    units: { state: true },
    classifications: { state: true },
    customFields: { state: true },
    picklistValues: { state: true },
  };
  declare filters: PartyFilters;
  declare rows: Party[];
  declare nextCursor: string | null;
  declare loading: boolean;
  declare error: string;
  declare agents: Agent[];
  declare units: OrgUnit[];
  declare classifications: Array<{ code: string; label: string }>;
  declare customFields: CustomFieldDefinition[];
  declare picklistValues: Record<string, Array<{ code: string; label: string }>>;
  private request = 0;

  constructor() {
    super();
    this.filters = emptyFilters();
    this.rows = [];
    this.nextCursor = null;
    this.loading = false;
    this.error = '';
    this.agents = [];
    this.units = [];
    this.classifications = [];
    this.customFields = [];
    this.picklistValues = {};
  }

  static styles = [
    shared,
    css`
      form.filters .row > .field { flex: 1 1 10rem; }
      th button { background: none; border: none; color: var(--accent); padding: 0; min-height: auto; font-weight: 700; text-decoration: underline; }
      .head { display: flex; justify-content: space-between; align-items: center; flex-wrap: wrap; gap: 0.5rem; }
      .table-wrap { overflow-x: auto; }
      .more { margin-top: 0.75rem; }
    `,
  ];

  protected hostArrived() {
    void this.loadReference();
  }

  private async loadReference() {
    const reference = this.host.reference;
    const [agents, units, classifications, customFields] = await Promise.all([
      reference.agents().catch(() => []),
      reference.orgUnits().catch(() => []),
      reference.picklistValues('party-classification').catch(() => []),
      reference.customFields('PARTY').catch(() => []),
    ]);
    this.agents = agents;
    this.units = units;
    this.classifications = classifications;
    this.customFields = customFields;
    const values: Record<string, Array<{ code: string; label: string }>> = {};
    for (const field of customFields.filter((one) => one.type === 'PICKLIST')) {
      values[field.key] = field.picklist
        ? await reference.picklistValues(field.picklist).catch(() => [])
        : field.values.map((code) => ({ code, label: code }));
    }
    this.picklistValues = values;
  }

  protected async load() {
    this.filters = filtersFromQuery(this.host.query);
    this.rows = [];
    this.nextCursor = null;
    await this.fetchPage();
  }

  private async fetchPage(cursor?: string) {
    const request = ++this.request;
    this.loading = true;
    this.error = '';
    try {
      const page = (await this.host.api.get<Page<Party>>('/parties', { query: filtersToApiQuery(this.filters, PAGE_SIZE, cursor) })).body;
      if (request !== this.request) return;
      this.rows = cursor ? [...this.rows, ...page.items] : page.items;
      this.nextCursor = page.nextCursor ?? null;
    } catch (error) {
      if (request === this.request) this.error = this.describe(error);
    } finally {
      if (request === this.request) this.loading = false;
    }
  }

  private submit(event: SubmitEvent) {
    event.preventDefault();
    const data = new FormData(event.target as HTMLFormElement);
    const filters: PartyFilters = { ...emptyFilters(), sort: this.filters.sort };
    for (const key of ['q', 'type', 'classification', 'ownerId', 'orgUnitId', 'status'] as const) {
      const value = String(data.get(key) ?? '').trim();
      if (value) filters[key] = value;
    }
    for (const field of this.customFields) {
      const value = String(data.get(`cf.${field.key}`) ?? '').trim();
      if (value) filters.customFields[field.key] = value;
    }
    this.go(filters);
  }

  private go(filters: PartyFilters) {
    const query = filtersToQuery(filters).toString();
    this.host.navigate(`parties${query ? `?${query}` : ''}`);
  }

  private sortBy(sort: PartySort) {
    this.go({ ...this.filters, sort });
  }

  render() {
    const t = this.t;
    const f = this.filters;
    const select = (name: string, label: string, value: string | undefined, options: Array<{ value: string; label: string }>) => html`
      <div class="field">
        <label for="f-${name}">${label}</label>
        <select id="f-${name}" name=${name}>
          <option value="" ?selected=${!value}>${t('common.any')}</option>
          ${options.map((option) => html`<option value=${option.value} ?selected=${option.value === value}>${option.label}</option>`)}
        </select>
      </div>`;
    return html`
      <div class="head">
        <h1>${t('parties.title')}</h1>
        ${this.host.can('core.party.write') ? html`<a class="button" href="#/parties/new">${t('parties.new')}</a>` : nothing}
      </div>
      <form class="card filters" role="search" aria-label=${t('parties.filters')} @submit=${this.submit}>
        <div class="row">
          <div class="field" style="flex: 2 1 16rem">
            <label for="f-q">${t('parties.q')}</label>
            <input id="f-q" name="q" type="search" .value=${f.q ?? ''} />
          </div>
          ${select('type', t('party.type'), f.type, ['PERSON', 'ORGANIZATION', 'HOUSEHOLD'].map((v) => ({ value: v, label: t(`party.type.${v}`) })))}
          ${select('classification', t('party.classifications'), f.classification, this.classifications.map((c) => ({ value: c.code, label: this.host.codeLabel('party-classification', c.code) || c.label })))}
          ${select('status', t('party.status'), f.status, ['ACTIVE', 'INACTIVE', 'MERGED'].map((v) => ({ value: v, label: t(`party.status.${v}`) })))}
        </div>
        <div class="row">
          ${select('ownerId', t('party.owner'), f.ownerId, this.agents.map((a) => ({ value: a.id, label: a.displayName })))}
          ${select('orgUnitId', t('party.orgUnit'), f.orgUnitId, this.units.map((u) => ({ value: u.id, label: u.name })))}
          ${this.customFields.map((field) =>
            field.type === 'PICKLIST'
              ? select(`cf.${field.key}`, field.label ?? field.key, f.customFields[field.key], (this.picklistValues[field.key] ?? []).map((v) => ({ value: v.code, label: v.label })))
              : html`<div class="field">
                  <label for="f-cf-${field.key}">${field.label ?? field.key}</label>
                  <input id="f-cf-${field.key}" name="cf.${field.key}" .value=${f.customFields[field.key] ?? ''} />
                </div>`,
          )}
        </div>
        <div class="actions">
          <button type="submit">${t('parties.search')}</button>
          <a href="#/parties">${t('parties.reset')}</a>
        </div>
      </form>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      <div class="table-wrap">
        <table aria-label=${t('parties.results')} aria-busy=${this.loading ? 'true' : 'false'}>
          <thead>
            <tr>
              <th aria-sort=${f.sort === 'NAME' ? 'ascending' : 'none'}>
                <button @click=${() => this.sortBy('NAME')} aria-label=${t('parties.sortByName')}>${t('party.name')}</button>
              </th>
              <th>${t('party.type')}</th>
              <th>${t('party.classifications')}</th>
              <th>${t('party.contact')}</th>
              <th>${t('party.owner')}</th>
              <th>${t('party.orgUnit')}</th>
              <th aria-sort=${f.sort === 'ID' ? 'ascending' : 'none'}>
                <button @click=${() => this.sortBy('ID')} aria-label=${t('parties.sortByCreation')}>${t('parties.created')}</button>
              </th>
            </tr>
          </thead>
          <tbody>
            ${this.rows.map((party) => this.row(party))}
          </tbody>
        </table>
      </div>
      <p class="muted" role="status">
        ${this.loading ? t('common.loading') : this.rows.length ? t('parties.shown', { count: this.rows.length }) : t('parties.none')}
      </p>
      ${this.nextCursor && !this.loading
        ? html`<button class="secondary more" @click=${() => this.fetchPage(this.nextCursor ?? undefined)}>${t('parties.more')}</button>`
        : nothing}
    `;
  }

  private row(party: Party) {
    const primary = (type: string) =>
      party.contactMechanisms.find((m) => m.type === type && m.primary) ?? party.contactMechanisms.find((m) => m.type === type);
    const email = primary('EMAIL')?.value;
    const phone = primary('PHONE')?.value;
    return html`<tr>
      <td><a href="#/parties/${party.id}">${party.displayName}</a></td>
      <td>${this.t(`party.type.${party.type}`)}</td>
      <td>${party.classifications.map((c) => html`<span class="chip">${this.host.codeLabel('party-classification', c)}</span>`)}</td>
      <td>${[email, phone].filter(Boolean).join(' · ')}</td>
      <td>${this.agents.find((a) => a.id === party.ownerId)?.displayName ?? party.ownerId ?? ''}</td>
      <td>${this.units.find((u) => u.id === party.orgUnitId)?.name ?? party.orgUnitId ?? ''}</td>
      <td>${party.createdAt ? this.host.formatDate(party.createdAt) : ''}</td>
    </tr>`;
  }
}

customElements.define('tessera-party-search', TesseraPartySearch);
