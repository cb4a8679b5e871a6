import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { isApiProblem, type TesseraHost } from '@tessera/ui-host';
import {
  CATEGORIES, adjustmentRequest, currentPeriod, describeDelta, percent, rows,
  type Forecast, type Period, type Position, type Revision, type Row,
} from './model';

/**
 * The forecast worksheet (route forecasting/worksheet): a position's forecast for a quarter as the
 * user may see it — their own deals and their team's apart, the totals with adjustments, quotas with
 * attainment and coverage — with the owner's or manager's adjustment, the submit, and the revisions
 * with what changed. The period and position live in the route's query, so a view can be bookmarked.
 */
export class ForecastWorksheet extends LitElement {
  static override properties = {
    host: { attribute: false },
    periods: { state: true },
    positions: { state: true },
    forecast: { state: true },
    revisions: { state: true },
    loading: { state: true },
    error: { state: true },
    formError: { state: true },
  };
  declare host: TesseraHost;
  declare periods: Period[];
  declare positions: Position[];
  declare forecast: Forecast | undefined;
  declare revisions: Revision[];
  declare loading: boolean;
  declare error: string | undefined;
  declare formError: string | undefined;
  private shown: string | undefined;

  constructor() {
    super();
    this.periods = [];
    this.positions = [];
    this.revisions = [];
    this.loading = false;
  }

  static override styles = css`
    :host { display: block; }
    .pickers { display: flex; gap: 1rem; flex-wrap: wrap; margin-bottom: 1rem; }
    table { border-collapse: collapse; width: 100%; margin-bottom: 1rem; }
    th, td { text-align: left; padding: 0.35rem 0.6rem; border-bottom: 1px solid #d0d4da; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .adjusted { font-weight: 600; }
    .error { color: #a4161a; }
    form { display: flex; gap: 0.5rem; flex-wrap: wrap; align-items: end; margin: 1rem 0; }
    label { display: flex; flex-direction: column; font-size: 0.9rem; }
    button, select, input { font: inherit; padding: 0.3rem 0.5rem; }
  `;

  protected override willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('host') || !this.host) return;
    const shown = JSON.stringify([this.host.user.login, this.host.query.get('periodId'), this.host.query.get('positionId')]);
    if (shown !== this.shown) {
      this.shown = shown;
      void this.load();
    }
  }

  private async load() {
    this.loading = true;
    this.error = undefined;
    try {
      if (this.periods.length === 0) {
        this.periods = (await this.host.api.get<{ items: Period[] }>('/forecasting/periods', { query: { type: 'QUARTER' } })).body.items;
        this.positions = (await this.host.api.get<{ items: Position[] }>('/forecasting/positions')).body.items;
      }
      const period = this.host.query.get('periodId') ?? currentPeriod(this.periods, new Date().toISOString().slice(0, 10))?.id;
      if (!period) {
        this.forecast = undefined;
        return;
      }
      const positionId = this.host.query.get('positionId') ?? undefined;
      this.forecast = (await this.host.api.get<Forecast>('/forecasting/forecasts', { query: { periodId: period, positionId } })).body;
      this.revisions = (await this.host.api.get<{ items: Revision[] }>('/forecasting/forecasts/revisions',
        { query: { periodId: period, positionId: this.forecast.position.id } })).body.items;
    } catch (error) {
      this.forecast = undefined;
      this.error = isApiProblem(error) ? (error.problem.detail ?? error.message) : this.host.t('error.load');
    } finally {
      this.loading = false;
    }
  }

  private choose(name: 'periodId' | 'positionId', value: string) {
    const query = new URLSearchParams(this.host.query);
    query.set(name, value);
    this.host.navigate(`forecasting/worksheet?${query}`);
  }

  private async submit() {
    if (!this.forecast) return;
    try {
      const revision = (await this.host.api.post<Revision>('/forecasting/forecasts/submit',
        { positionId: this.forecast.position.id, periodId: this.forecast.period.id })).body;
      this.host.notify(this.host.t('submitted', { revision: revision.revision }));
      this.shown = undefined;
      await this.load();
    } catch (error) {
      this.error = isApiProblem(error) ? (error.problem.detail ?? error.message) : this.host.t('error.load');
    }
  }

  private async adjust(event: SubmitEvent) {
    event.preventDefault();
    if (!this.forecast) return;
    const data = new FormData(event.target as HTMLFormElement);
    const request = adjustmentRequest(this.forecast.position.id, this.forecast.period.id, {
      category: String(data.get('category') ?? ''), currency: String(data.get('currency') ?? ''),
      amount: String(data.get('amount') ?? ''), note: String(data.get('note') ?? ''),
    });
    if ('field' in request) {
      this.formError = this.host.t('invalid', { field: this.host.t(`field.${request.field}`) });
      return;
    }
    try {
      await this.host.api.put('/forecasting/adjustments', request.body);
      this.formError = undefined;
      this.host.notify(this.host.t('adjusted'));
      await this.load();
    } catch (error) {
      this.formError = isApiProblem(error) ? (error.problem.detail ?? error.message) : this.host.t('error.load');
    }
  }

  private money(value: number | string | null | undefined, currency: string) {
    return value === null || value === undefined ? '' : this.host.formatMoney(value, currency || 'EUR');
  }

  private row(row: Row) {
    const t = this.host.t;
    const adjusted = row.total?.adjustedAmount !== null && row.total?.adjustedAmount !== undefined;
    return html`<tr>
      <th scope="row">${t(`category.${row.category}`)}</th>
      <td>${row.currency}</td>
      <td class="num">${this.money(row.own?.forecastAmount, row.currency)}</td>
      <td class="num">${this.money(row.rollup?.forecastAmount, row.currency)}</td>
      <td class="num ${adjusted ? 'adjusted' : ''}">${this.money(row.total?.forecastAmount, row.currency)}${adjusted ? ' ✎' : ''}</td>
      <td class="num">${this.money(row.total?.weightedAmount, row.currency)}</td>
    </tr>`;
  }

  override render() {
    if (!this.host) return nothing;
    const t = this.host.t;
    const f = this.forecast;
    const locked = f?.period.status === 'CLOSED';
    return html`
      <h1>${t('title')}</h1>
      <div class="pickers">
        <label>${t('field.period')}
          <select @change=${(e: Event) => this.choose('periodId', (e.target as HTMLSelectElement).value)}>
            ${this.periods.map((p) => html`<option value=${p.id} ?selected=${f?.period.id === p.id}>${p.name}</option>`)}
          </select></label>
        <label>${t('field.position')}
          <select @change=${(e: Event) => this.choose('positionId', (e.target as HTMLSelectElement).value)}>
            ${this.positions.map((p) => html`<option value=${p.id} ?selected=${f?.position.id === p.id}>${'· '.repeat(p.level)}${p.name}</option>`)}
          </select></label>
      </div>
      ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : nothing}
      ${this.loading ? html`<p role="status">${t('loading')}</p>` : nothing}
      ${!f && !this.loading && !this.error ? html`<p>${t('empty')}</p>` : nothing}
      ${f ? html`
        <p>${t('status', { position: f.position.name, period: f.period.name, revision: f.lastRevision })}
          ${locked ? html`<strong>${t('locked')}</strong>` : nothing}</p>
        <table aria-label=${t('table.lines')}>
          <thead><tr><th scope="col">${t('field.category')}</th><th scope="col">${t('field.currency')}</th>
            <th scope="col" class="num">${t('col.own')}</th><th scope="col" class="num">${t('col.team')}</th>
            <th scope="col" class="num">${t('col.total')}</th><th scope="col" class="num">${t('col.weighted')}</th></tr></thead>
          <tbody>${rows(f).map((r) => this.row(r))}</tbody>
        </table>
        ${f.subordinates.length ? html`<table aria-label=${t('table.team')}>
          <thead><tr><th scope="col">${t('field.position')}</th><th scope="col">${t('col.source')}</th>
            <th scope="col" class="num">${t('category.COMMIT')}</th><th scope="col" class="num">${t('category.BEST_CASE')}</th></tr></thead>
          <tbody>${f.subordinates.map((s) => html`<tr>
            <th scope="row"><a href="#/forecasting/worksheet?periodId=${f.period.id}&positionId=${s.positionId}">${s.name}</a></th>
            <td>${s.source === 'SUBMITTED' ? t('source.submitted', { revision: s.revision ?? 0 }) : t('source.live')}</td>
            <td class="num">${s.lines.filter((l) => l.category === 'COMMIT').map((l) => this.money(l.forecastAmount, l.currency ?? ''))}</td>
            <td class="num">${s.lines.filter((l) => l.category === 'BEST_CASE').map((l) => this.money(l.forecastAmount, l.currency ?? ''))}</td>
          </tr>`)}</tbody></table>` : nothing}
        ${f.quotas.map((q) => html`<p>${t('quota', {
          quota: this.money(q.quota, q.currency), attainment: percent(q.attainment, this.host.locale), coverage: percent(q.coverage, this.host.locale),
        })}</p>`)}
        ${locked ? nothing : html`
          <form @submit=${(e: SubmitEvent) => this.adjust(e)} aria-label=${t('form.adjust')}>
            <label>${t('field.category')}<select name="category">${CATEGORIES.map((c) => html`<option value=${c}>${t(`category.${c}`)}</option>`)}</select></label>
            <label>${t('field.currency')}<input name="currency" value=${f.total[0]?.currency ?? 'EUR'} size="4"></label>
            <label>${t('field.amount')}<input name="amount" inputmode="decimal" required></label>
            <label>${t('field.note')}<input name="note" maxlength="255"></label>
            <button type="submit">${t('action.adjust')}</button>
          </form>
          ${this.formError ? html`<p class="error" role="alert">${this.formError}</p>` : nothing}
          <button @click=${() => this.submit()}>${t('action.submit')}</button>`}
        <h2>${t('revisions')}</h2>
        ${this.revisions.length === 0 ? html`<p>${t('revisions.none')}</p>` : html`<ol reversed aria-label=${t('revisions')}>
          ${this.revisions.map((r) => html`<li>${t('revision', { revision: r.revision, by: r.submittedBy, at: this.host.formatDate(r.submittedAt, true) })}
            ${r.deltas.length ? html`<ul>${r.deltas.map((d) => html`<li>${describeDelta(d)}</li>`)}</ul>` : nothing}</li>`)}
        </ol>`}
      ` : nothing}
    `;
  }
}
