import { html, nothing } from 'lit';
import { Screen } from './screen';
import type { Activity, Party } from '../model';

/** One activity (`#/activities/:id`), as the timeline links to it. */
export class TesseraActivityView extends Screen {
  static properties = { ...Screen.properties, activity: { state: true }, names: { state: true }, error: { state: true } };
  declare activity: Activity | null;
  declare names: Record<string, string>;
  declare error: string;

  constructor() {
    super();
    this.activity = null;
    this.names = {};
    this.error = '';
  }

  protected async load() {
    this.activity = null;
    this.error = '';
    try {
      const activity = (await this.host.api.get<Activity>(`/activities/${encodeURIComponent(this.host.params.id)}`)).body;
      this.activity = activity;
      const names = await Promise.all(
        activity.participants.map((id) => this.host.api.get<Party>(`/parties/${id}`).then((a) => [id, a.body.displayName ?? id] as const, () => [id, id] as const)),
      );
      this.names = Object.fromEntries(names);
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  render() {
    const t = this.t;
    if (this.error) return html`<div class="error-box" role="alert">${this.error}</div>`;
    const a = this.activity;
    if (!a) return html`<p class="muted">${t('common.loading')}</p>`;
    const row = (label: string, value: unknown) => (value ? html`<dt>${label}</dt><dd>${value}</dd>` : nothing);
    return html`<section class="card">
      <h1>${a.subject ?? a.id}</h1>
      <dl class="facts">
        ${row(t('today.type'), this.host.codeLabel('activity-type', a.type))}
        ${row(t('activity.status'), t.lookup(`status.${a.status}`) ?? a.status)}
        ${row(t('record.channel'), a.channel && this.host.codeLabel('activity-channel', a.channel))}
        ${row(t('record.direction'), a.direction && t(`record.${a.direction === 'INBOUND' ? 'inbound' : 'outbound'}`))}
        ${row(t('record.outcome'), a.outcome && this.host.codeLabel('activity-outcome', a.outcome))}
        ${row(t('today.due'), a.dueAt && this.host.formatDate(a.dueAt, true))}
        ${row(t('activity.start'), a.startAt && this.host.formatDate(a.startAt, true))}
        ${row(t('record.participants'), a.participants.length ? html`${a.participants.map((id, i) => html`${i ? ', ' : ''}<a href="#/parties/${id}">${this.names[id] ?? id}</a>`)}` : '')}
        ${row(t('record.links'), a.links.join(', '))}
        ${row(t('record.note'), a.description)}
      </dl>
    </section>`;
  }
}

customElements.define('tessera-activity-view', TesseraActivityView);
