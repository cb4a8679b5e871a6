import { LitElement, html, css, nothing } from 'lit';
import type { CoreHost } from '../context';
import { ApiProblem } from '../api/problem';
import type { Activity, Page, Party, PartyOverview } from '../model';
import { isoToLocalInput, localInputToIso } from '../format';
import { shared } from '../styles';

type Option = { code: string; label: string };

/** The activity type a channel usually means, so that choosing the channel is enough. */
const TYPE_OF_CHANNEL: Record<string, string> = { PHONE: 'CALL', EMAIL: 'EMAIL', MAIL: 'LETTER', VISIT: 'VISIT', COUNTER: 'MEETING', SMS: 'NOTE', WEB: 'NOTE' };

/** Tomorrow at 9:00, local time: where a next action usually goes. */
function tomorrowMorning(now = new Date()): string {
  return isoToLocalInput(new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1, 9, 0));
}

/**
 * Recording a contact with a party in a few keystrokes: channel, direction, outcome, participants,
 * linked records, a note, and the next action (a planned activity). Dispatches `recorded` once
 * saved, `cancel` when abandoned.
 */
export class TesseraRecordContact extends LitElement {
  static properties = {
    host: { attribute: false },
    party: { attribute: false },
    overview: { attribute: false },
    types: { state: true },
    channels: { state: true },
    outcomes: { state: true },
    participants: { state: true },
    candidates: { state: true },
    problem: { state: true },
    error: { state: true },
    saving: { state: true },
    channel: { state: true },
    type: { state: true },
  };
  declare host: CoreHost;
  declare party: Party;
  declare overview: PartyOverview | null;
  declare types: Option[];
  declare channels: Option[];
  declare outcomes: Option[];
  declare participants: Array<{ id: string; name: string }>;
  declare candidates: Array<{ id: string; name: string }>;
  declare problem: ApiProblem | null;
  declare error: string;
  declare saving: boolean;
  declare channel: string;
  declare type: string;
  private typeChosen = false;

  constructor() {
    super();
    this.types = [];
    this.channels = [];
    this.outcomes = [];
    this.participants = [];
    this.candidates = [];
    this.problem = null;
    this.error = '';
    this.saving = false;
    this.channel = 'PHONE';
    this.type = 'CALL';
  }

  static styles = [
    shared,
    css`
      :host { display: block; padding: 1.25rem; }
      fieldset { border: 1px solid var(--border); border-radius: 8px; padding: 0.6rem 0.9rem; margin: 0 0 0.9rem; }
      legend { font-weight: 700; padding: 0 0.3rem; }
      .inline { font-weight: 400; display: inline-flex; gap: 0.35rem; align-items: center; margin-right: 1rem; }
      textarea { min-height: 4.5rem; }
      .candidates button { margin: 0.2rem 0.3rem 0 0; }
    `,
  ];

  firstUpdated() {
    if (this.party?.id) this.participants = [{ id: this.party.id, name: this.party.displayName ?? this.party.id }];
    void this.loadPicklists();
  }

  private async loadPicklists() {
    const reference = this.host.reference;
    const [types, channels, outcomes] = await Promise.all([
      reference.picklistValues('activity-type').catch(() => []),
      reference.picklistValues('activity-channel').catch(() => []),
      reference.picklistValues('activity-outcome').catch(() => []),
    ]);
    Object.assign(this, { types, channels, outcomes });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('#channel')?.focus();
  }

  private get t() {
    return this.host.t;
  }

  private label(picklist: string, option: Option): string {
    return this.host.t.lookup(`code.${picklist}.${option.code}`) ?? option.label;
  }

  /** Module records of the overview (an opportunity, a quote…) the contact can be linked to. */
  private linkables(): Array<{ link: string; title: string }> {
    const items = (this.overview?.sections ?? []).filter((s) => s.module !== 'core').flatMap((s) => s.items ?? []);
    return items.filter((item) => /^[a-z][\w-]*:[\w-]+:[^:]+$/i.test(item.id)).map((item) => ({ link: item.id, title: item.title }));
  }

  private async findParticipants(event: Event) {
    const q = (event.target as HTMLInputElement).value.trim();
    if (q.length < 2) {
      this.candidates = [];
      return;
    }
    try {
      const page = (await this.host.api.get<Page<Party>>('/parties', { query: { q, limit: '5' } })).body;
      this.candidates = page.items
        .filter((p) => !this.participants.some((x) => x.id === p.id))
        .map((p) => ({ id: p.id ?? '', name: p.displayName ?? '' }));
    } catch {
      this.candidates = [];
    }
  }

  private addParticipant(candidate: { id: string; name: string }) {
    this.participants = [...this.participants, candidate];
    this.candidates = [];
    const input = this.renderRoot.querySelector<HTMLInputElement>('#participant-search');
    if (input) {
      input.value = '';
      input.focus();
    }
  }

  private onChannel(event: Event) {
    this.channel = (event.target as HTMLSelectElement).value;
    if (!this.typeChosen) this.type = TYPE_OF_CHANNEL[this.channel] ?? this.type;
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      this.renderRoot.querySelector('form')?.requestSubmit();
    }
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.saving) return;
    const data = new FormData(event.target as HTMLFormElement);
    const value = (name: string) => String(data.get(name) ?? '').trim();
    const participants = this.participants.map((p) => p.id);
    const links = data.getAll('links').map(String);
    const now = new Date().toISOString();
    const outcome = value('outcome');
    const outcomeLabel = outcome ? this.label('activity-outcome', this.outcomes.find((o) => o.code === outcome) ?? { code: outcome, label: outcome }) : '';
    const typeLabel = this.label('activity-type', this.types.find((o) => o.code === this.type) ?? { code: this.type, label: this.type });
    const contact: Activity = {
      type: this.type,
      subject: value('subject') || [typeLabel, outcomeLabel].filter(Boolean).join(' – '),
      description: value('note') || undefined,
      status: 'DONE',
      startAt: now,
      endAt: now,
      channel: this.channel,
      direction: value('direction') as Activity['direction'],
      outcome: outcome || undefined,
      participants,
      links,
      ownerId: this.host.agentId,
      assigneeId: this.host.agentId,
    };
    const nextType = value('nextType');
    const next: Activity | null = nextType
      ? {
          type: nextType,
          subject: value('nextSubject') || this.t('record.nextDefault', {
            type: this.label('activity-type', this.types.find((o) => o.code === nextType) ?? { code: nextType, label: nextType }),
          }),
          status: 'PLANNED',
          dueAt: localInputToIso(value('nextDue')),
          channel: nextType === 'CALL' ? 'PHONE' : undefined,
          participants,
          links,
          ownerId: this.host.agentId,
          assigneeId: this.host.agentId,
        }
      : null;
    this.saving = true;
    this.problem = null;
    this.error = '';
    try {
      await this.host.api.post<Activity>('/activities', contact);
    } catch (error) {
      this.fail(error, '');
      this.saving = false;
      return;
    }
    try {
      if (next) await this.host.api.post<Activity>('/activities', next);
      this.host.notify(next ? this.t('record.savedWithNext') : this.t('record.saved'));
      this.dispatchEvent(new CustomEvent('recorded', { bubbles: true, composed: true }));
    } catch (error) {
      // the contact is recorded; only the next action is left to correct
      this.host.notify(this.t('record.saved'));
      this.fail(error, 'next.');
    } finally {
      this.saving = false;
    }
  }

  private fail(error: unknown, prefix: string) {
    if (error instanceof ApiProblem && error.errors.length) {
      this.problem = new ApiProblem(error.status, { ...error.problem, errors: error.errors.map((e) => ({ ...e, field: prefix + e.field })) });
    } else {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  private fieldError(field: string) {
    const message = this.problem?.fieldMessage(field);
    return message ? html`<div class="field-error" id="${field}-error">${message}</div>` : nothing;
  }

  private invalid(field: string) {
    return this.problem?.fieldMessage(field) ? 'true' : 'false';
  }

  render() {
    const t = this.t;
    const linkables = this.linkables();
    const select = (id: string, name: string, label: string, picklist: string, options: Option[], selected: string, empty: string | null, onChange?: (e: Event) => void) => html`
      <div class="field">
        <label for=${id}>${label}</label>
        <select id=${id} name=${name} aria-invalid=${this.invalid(name)} aria-describedby=${this.problem?.fieldMessage(name) ? `${name}-error` : ''} @change=${onChange ?? (() => {})}>
          ${empty !== null ? html`<option value="">${empty}</option>` : nothing}
          ${options.map((o) => html`<option value=${o.code} ?selected=${o.code === selected}>${this.label(picklist, o)}</option>`)}
        </select>
        ${this.fieldError(name)}
      </div>`;
    return html`
      <form @submit=${this.submit} @keydown=${this.onKeydown} novalidate>
        <h2 id="record-title">${t('record.title', { name: this.party.displayName ?? '' })}</h2>
        <p class="hint">${t('record.hint')}</p>
        ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
        ${this.problem && this.problem.errors.some((e) => !['type', 'channel', 'outcome', 'subject', 'next.dueAt', 'next.type', 'next.subject'].includes(e.field))
          ? html`<div class="error-box" role="alert"><ul>${this.problem.errors.map((e) => html`<li>${e.field}: ${e.message}</li>`)}</ul></div>`
          : nothing}
        <div class="row">
          ${select('channel', 'channel', t('record.channel'), 'activity-channel', this.channels, this.channel, null, (e) => this.onChannel(e))}
          ${select('type', 'type', t('record.type'), 'activity-type', this.types, this.type, null, (e) => {
            this.type = (e.target as HTMLSelectElement).value;
            this.typeChosen = true;
          })}
          ${select('outcome', 'outcome', t('record.outcome'), 'activity-outcome', this.outcomes, '', t('common.none'))}
        </div>
        <fieldset>
          <legend>${t('record.direction')}</legend>
          <label class="inline"><input type="radio" name="direction" value="OUTBOUND" checked /> ${t('record.outbound')}</label>
          <label class="inline"><input type="radio" name="direction" value="INBOUND" /> ${t('record.inbound')}</label>
        </fieldset>
        <div class="field">
          <label for="subject">${t('record.subject')}</label>
          <input id="subject" name="subject" placeholder=${t('record.subjectPlaceholder')} aria-invalid=${this.invalid('subject')} />
          ${this.fieldError('subject')}
        </div>
        <div class="field">
          <label for="note">${t('record.note')}</label>
          <textarea id="note" name="note"></textarea>
        </div>
        <fieldset>
          <legend>${t('record.participants')}</legend>
          <div>${this.participants.map((p, i) => html`<span class="chip">${p.name}
            ${i > 0 ? html`<button type="button" class="link" aria-label=${t('record.removeParticipant', { name: p.name })}
              @click=${() => (this.participants = this.participants.filter((x) => x.id !== p.id))}>×</button>` : nothing}</span>`)}</div>
          <label for="participant-search" class="visually-hidden">${t('record.addParticipant')}</label>
          <input id="participant-search" type="search" placeholder=${t('record.addParticipant')} @input=${this.findParticipants}
            @keydown=${(e: KeyboardEvent) => { if (e.key === 'Enter') { e.preventDefault(); if (this.candidates[0]) this.addParticipant(this.candidates[0]); } }} />
          <div class="candidates">${this.candidates.map((c) => html`<button type="button" class="secondary" @click=${() => this.addParticipant(c)}>${t('record.add', { name: c.name })}</button>`)}</div>
        </fieldset>
        ${linkables.length
          ? html`<fieldset>
              <legend>${t('record.links')}</legend>
              ${linkables.map((l) => html`<label class="inline"><input type="checkbox" name="links" value=${l.link} /> ${l.title}</label>`)}
            </fieldset>`
          : nothing}
        <fieldset>
          <legend>${t('record.next')}</legend>
          <div class="row">
            ${select('nextType', 'nextType', t('record.nextType'), 'activity-type', this.types, '', t('record.noNext'))}
            <div class="field">
              <label for="nextDue">${t('record.nextDue')}</label>
              <input id="nextDue" name="nextDue" type="datetime-local" .value=${tomorrowMorning()} aria-invalid=${this.invalid('next.dueAt')} />
              ${this.fieldError('next.dueAt')}
            </div>
          </div>
          <div class="field">
            <label for="nextSubject">${t('record.nextSubject')}</label>
            <input id="nextSubject" name="nextSubject" aria-invalid=${this.invalid('next.subject')} />
            ${this.fieldError('next.subject')}
          </div>
        </fieldset>
        <div class="actions">
          <button type="submit" ?disabled=${this.saving} aria-keyshortcuts="Control+Enter">${t('record.save')}</button>
          <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CustomEvent('cancel'))}>${t('common.cancel')}</button>
        </div>
      </form>
    `;
  }
}

customElements.define('tessera-record-contact', TesseraRecordContact);
