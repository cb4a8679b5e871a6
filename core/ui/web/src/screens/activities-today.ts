import { html, css, nothing } from 'lit';
import { Screen } from './screen';
import { ApiProblem } from '../api/problem';
import type { Activity, Page, Party } from '../model';
import { localDayBounds } from '../format';
import { shared } from '../styles';

/** The planned activities due today (`#/activities/today`): the user's own, or all of their perimeter. */
export class TesseraActivitiesToday extends Screen {
  static properties = {
    ...Screen.properties,
    activities: { state: true },
    names: { state: true },
    loading: { state: true },
    error: { state: true },
    cursor: { state: true },
  };
  declare activities: Activity[];
  declare names: Record<string, string>;
  declare loading: boolean;
  declare error: string;
  declare cursor: string | null;

  constructor() {
    super();
    this.activities = [];
    this.names = {};
    this.loading = false;
    this.error = '';
    this.cursor = null;
  }

  static styles = [shared, css`.done { text-decoration: line-through; color: var(--muted); }`];

  private get mineOnly(): boolean {
    return this.host.query.get('scope') !== 'all' && !!this.host.agentId;
  }

  protected loadKey() {
    return this.host.query.toString() + (this.host.agentId ?? '');
  }

  protected async load(cursor?: string) {
    this.loading = true;
    this.error = '';
    const { from, to } = localDayBounds(new Date());
    try {
      const page = (
        await this.host.api.get<Page<Activity>>('/activities', {
          query: { status: 'PLANNED', dueFrom: from, dueTo: to, assigneeId: this.mineOnly ? this.host.agentId : undefined, limit: '50', cursor },
        })
      ).body;
      this.activities = cursor ? [...this.activities, ...page.items] : page.items;
      this.cursor = page.nextCursor ?? null;
      void this.resolveNames(page.items);
    } catch (error) {
      this.error = this.describe(error);
    } finally {
      this.loading = false;
    }
  }

  private async resolveNames(activities: Activity[]) {
    const missing = [...new Set(activities.flatMap((a) => a.participants))].filter((id) => !(id in this.names));
    const found = await Promise.all(
      missing.map((id) => this.host.api.get<Party>(`/parties/${id}`).then((a) => [id, a.body.displayName ?? id] as const, () => [id, id] as const)),
    );
    this.names = { ...this.names, ...Object.fromEntries(found) };
  }

  private async markDone(activity: Activity) {
    try {
      const answer = await this.host.api.patch<Activity>(`/activities/${activity.id}`, { status: 'DONE', endAt: new Date().toISOString() }, { ifMatch: `"${activity.version}"` });
      this.activities = this.activities.map((a) => (a.id === activity.id ? answer.body : a));
      this.host.notify(this.t('today.markedDone', { subject: activity.subject ?? '' }));
    } catch (error) {
      this.host.notify(error instanceof ApiProblem && error.status === 412 ? this.t('today.changedMeanwhile') : this.describe(error), 'error');
      if (error instanceof ApiProblem && error.status === 412) void this.load();
    }
  }

  render() {
    const t = this.t;
    return html`
      <h1>${t('today.title')}</h1>
      <div class="actions" role="group" aria-label=${t('today.scope')} style="margin-bottom:0.75rem">
        ${this.host.agentId
          ? html`<a class="button ${this.mineOnly ? '' : 'secondary'}" href="#/activities/today" aria-current=${this.mineOnly ? 'true' : 'false'}>${t('today.mine')}</a>
              <a class="button ${this.mineOnly ? 'secondary' : ''}" href="#/activities/today?scope=all" aria-current=${this.mineOnly ? 'false' : 'true'}>${t('today.all')}</a>`
          : nothing}
      </div>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      <table aria-label=${t('today.title')}>
        <thead><tr><th>${t('today.due')}</th><th>${t('today.subject')}</th><th>${t('today.type')}</th><th>${t('today.with')}</th><th><span class="visually-hidden">${t('today.actions')}</span></th></tr></thead>
        <tbody>
          ${this.activities.map((a) => html`<tr class=${a.status === 'DONE' ? 'done' : ''}>
            <td>${a.dueAt ? this.host.formatDate(a.dueAt, true) : ''}</td>
            <td><a href="#/activities/${a.id}">${a.subject ?? a.id}</a></td>
            <td>${this.host.codeLabel('activity-type', a.type)}</td>
            <td>${a.participants.map((id, i) => html`${i ? ', ' : ''}<a href="#/parties/${id}">${this.names[id] ?? id}</a>`)}</td>
            <td>${a.status === 'PLANNED'
              ? html`<button class="secondary" @click=${() => this.markDone(a)} aria-label=${t('today.markDoneFor', { subject: a.subject ?? '' })}>${t('today.markDone')}</button>`
              : t('status.DONE')}</td>
          </tr>`)}
        </tbody>
      </table>
      <p class="muted" role="status">${this.loading ? t('common.loading') : this.activities.length ? '' : t('today.none')}</p>
      ${this.cursor && !this.loading ? html`<button class="secondary" @click=${() => this.load(this.cursor ?? undefined)}>${t('parties.more')}</button>` : nothing}
    `;
  }
}

customElements.define('tessera-activities-today', TesseraActivitiesToday);
