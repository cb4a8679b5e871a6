import { html, css, nothing } from 'lit';
import { Screen } from './screen';
import { ApiProblem } from '../api/problem';
import type { ContactMechanism, OverviewSection, Page, Party, PartyOverview, TimelineEntry } from '../model';
import { fillRoute } from '../router';
import { shared } from '../styles';
import '../components/mount';
import '../components/overview-section';
import './record-contact';

const TIMELINE_PAGE = 20;
/** Core sections this page shows in its own way rather than generically. */
const OWN_SECTIONS = new Set(['core:contact-mechanisms']);

/**
 * The 360° page of a party: header, the overview sections of every installed module, contact
 * mechanisms with consent, relationships, and the timeline (newest first, infinite scroll).
 * When the set of modules changes, the overview is read again so that sections come and go.
 */
export class TesseraPartyView extends Screen {
  static properties = {
    ...Screen.properties,
    party: { state: true },
    overview: { state: true },
    error: { state: true },
    entries: { state: true },
    timelineCursor: { state: true },
    timelineLoading: { state: true },
    timelineError: { state: true },
    sourceFilter: { state: true },
    kindFilter: { state: true },
    recording: { state: true },
  };
  declare party: Party | null;
  declare overview: PartyOverview | null;
  declare error: string;
  declare entries: TimelineEntry[];
  declare timelineCursor: string | null;
  declare timelineLoading: boolean;
  declare timelineError: string;
  declare sourceFilter: string;
  declare kindFilter: string;
  declare recording: boolean;
  private etag: string | undefined;
  private observer: IntersectionObserver | undefined;
  private timelineRequest = 0;

  constructor() {
    super();
    this.party = null;
    this.overview = null;
    this.error = '';
    this.entries = [];
    this.timelineCursor = null;
    this.timelineLoading = false;
    this.timelineError = '';
    this.sourceFilter = '';
    this.kindFilter = '';
    this.recording = false;
  }

  static styles = [
    shared,
    css`
      .header { display: flex; flex-wrap: wrap; justify-content: space-between; gap: 0.75rem; }
      .header h1 { margin-bottom: 0.3rem; }
      .columns { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1rem; align-items: start; }
      @media (max-width: 1100px) { .columns { grid-template-columns: 1fr; } }
      section.card h2 { display: flex; justify-content: space-between; gap: 0.5rem; }
      .mechanism { display: flex; justify-content: space-between; gap: 0.5rem; padding: 0.4rem 0; border-top: 1px solid #e3e6eb; flex-wrap: wrap; }
      .mechanism:first-child { border-top: none; }
      ol.timeline { list-style: none; margin: 0; padding: 0; }
      ol.timeline li { padding: 0.5rem 0; border-top: 1px solid #e3e6eb; }
      ol.timeline li:first-child { border-top: none; }
      .when { color: var(--muted); font-size: 0.85rem; }
      .sentinel { height: 1px; }
      dialog { border: none; border-radius: 10px; padding: 0; width: min(46rem, 96vw); max-height: 92vh; box-shadow: 0 12px 40px rgb(0 0 0 / 35%); }
      dialog::backdrop { background: rgb(11 46 79 / 55%); }
    `,
  ];

  protected loadKey() {
    return this.host.params.id;
  }

  private listening: EventTarget | undefined;

  protected hostArrived() {
    this.listening = this.host.extensions;
    this.listening.addEventListener('change', this.onModulesChange);
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('keydown', this.onKeydown);
    this.listening?.addEventListener('change', this.onModulesChange);
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    this.listening?.removeEventListener('change', this.onModulesChange);
    window.removeEventListener('keydown', this.onKeydown);
    this.observer?.disconnect();
  }

  private onModulesChange = () => {
    void this.loadOverview();
  };

  /** `c` opens "record a contact" (when not typing in a field). */
  private onKeydown = (event: KeyboardEvent) => {
    const origin = event.composedPath()[0] as HTMLElement | undefined;
    if (!origin || /^(INPUT|TEXTAREA|SELECT)$/.test(origin.tagName) || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === 'c' && this.party && !this.recording && this.host.can('core.activity.write')) {
      event.preventDefault();
      void this.openRecorder();
    }
  };

  protected async load() {
    this.party = null;
    this.overview = null;
    this.error = '';
    this.entries = [];
    this.timelineCursor = null;
    const id = encodeURIComponent(this.host.params.id);
    try {
      const answer = await this.host.api.get<Party>(`/parties/${id}`);
      this.party = answer.body;
      this.etag = answer.etag;
    } catch (error) {
      this.error = this.describe(error);
      return;
    }
    await Promise.all([this.loadOverview(), this.loadTimeline(true)]);
  }

  private async loadOverview() {
    if (!this.host?.params.id) return;
    try {
      this.overview = (await this.host.api.get<PartyOverview>(`/parties/${encodeURIComponent(this.host.params.id)}/overview`)).body;
    } catch (error) {
      if (!this.overview) this.host.notify(this.describe(error), 'error');
    }
  }

  private async loadTimeline(reset: boolean) {
    if (!reset && (!this.timelineCursor || this.timelineLoading)) return;
    const request = ++this.timelineRequest;
    this.timelineLoading = true;
    this.timelineError = '';
    try {
      const page = (
        await this.host.api.get<Page<TimelineEntry>>(`/parties/${encodeURIComponent(this.host.params.id)}/timeline`, {
          query: { limit: String(TIMELINE_PAGE), cursor: reset ? undefined : this.timelineCursor ?? undefined },
        })
      ).body;
      if (request !== this.timelineRequest) return;
      this.entries = reset ? page.items : [...this.entries, ...page.items];
      this.timelineCursor = page.nextCursor ?? null;
    } catch (error) {
      if (request === this.timelineRequest) this.timelineError = this.describe(error);
    } finally {
      if (request === this.timelineRequest) this.timelineLoading = false;
    }
    await this.updateComplete;
    this.observeSentinel();
    this.loadMoreIfVisible();
  }

  private observeSentinel() {
    const sentinel = this.renderRoot.querySelector('.sentinel');
    if (!sentinel) return;
    this.observer ??= new IntersectionObserver((records) => {
      if (records.some((record) => record.isIntersecting)) void this.loadTimeline(false);
    });
    this.observer.disconnect();
    this.observer.observe(sentinel);
  }

  /** A filter can hide a whole page: keep reading while the end of the list is in view. */
  private loadMoreIfVisible() {
    const sentinel = this.renderRoot.querySelector('.sentinel');
    if (!sentinel || !this.timelineCursor) return;
    const box = sentinel.getBoundingClientRect();
    if (box.top < window.innerHeight + 200) void this.loadTimeline(false);
  }

  private async openRecorder() {
    this.recording = true;
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.showModal();
  }

  private closeRecorder() {
    this.renderRoot.querySelector<HTMLDialogElement>('dialog')?.close();
    this.recording = false;
  }

  private async onRecorded() {
    this.closeRecorder();
    await Promise.all([this.loadTimeline(true), this.loadOverview()]);
  }

  private async toggleOptOut(index: number) {
    const party = this.party;
    if (!party) return;
    const contactMechanisms = party.contactMechanisms.map((m, i) => (i === index ? { ...m, optOut: !m.optOut } : m));
    try {
      const answer = await this.host.api.patch<Party>(`/parties/${party.id}`, { contactMechanisms }, { ifMatch: this.etag });
      this.party = answer.body;
      this.etag = answer.etag;
      const changed = answer.body.contactMechanisms[index];
      this.host.notify(this.t(changed?.optOut ? 'cm.optOutRecorded' : 'cm.consentRecorded'));
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412) {
        this.host.notify(this.t('cm.changedMeanwhile'), 'error');
        const answer = await this.host.api.get<Party>(`/parties/${party.id}`);
        this.party = answer.body;
        this.etag = answer.etag;
      } else {
        this.host.notify(this.describe(error), 'error');
      }
    }
  }

  render() {
    const t = this.t;
    if (this.error) return html`<div class="error-box" role="alert">${this.error}</div>`;
    const party = this.party;
    if (!party) return html`<p class="muted">${t('common.loading')}</p>`;
    const facts = this.overview?.party;
    const sections = (this.overview?.sections ?? []).filter((s) => !OWN_SECTIONS.has(`${s.module}:${s.section}`));
    return html`
      ${this.renderHeader(party, facts)}
      <div class="columns">
        <div>
          ${this.renderMechanisms(party)}
          ${sections.map((section) => this.renderSection(section))}
        </div>
        <div>${this.renderTimeline()}</div>
      </div>
      ${this.recording
        ? html`<dialog aria-label=${this.t('record.title', { name: party.displayName ?? '' })} @close=${() => (this.recording = false)}>
            <tessera-record-contact .host=${this.host} .party=${party} .overview=${this.overview}
              @recorded=${this.onRecorded} @cancel=${this.closeRecorder}></tessera-record-contact>
          </dialog>`
        : nothing}
    `;
  }

  private renderHeader(party: Party, facts: PartyOverview['party'] | undefined) {
    const t = this.t;
    const primary = (type: ContactMechanism['type']) => party.contactMechanisms.find((m) => m.type === type && m.primary);
    const primaries = (['EMAIL', 'PHONE', 'POSTAL'] as const).map(primary).filter((m): m is ContactMechanism => !!m);
    const actions = this.host.extensions.partyActions(this.host.user.permissions);
    return html`<section class="card header" aria-labelledby="party-name">
      <div>
        <h1 id="party-name">${party.displayName}</h1>
        <div>
          <span class="chip">${t(`party.type.${party.type}`)}</span>
          ${party.status && party.status !== 'ACTIVE' ? html`<span class="chip warn">${t(`party.status.${party.status}`)}</span>` : nothing}
          ${party.classifications.map((c) => html`<span class="chip" data-testid="classification">${this.host.codeLabel('party-classification', c)}</span>`)}
        </div>
        <dl class="facts" style="margin-top:0.5rem">
          <dt>${t('party.owner')}</dt><dd>${facts?.ownerName ?? party.ownerId ?? t('common.none')}</dd>
          <dt>${t('party.orgUnit')}</dt><dd>${facts?.orgUnitName ?? party.orgUnitId ?? t('common.none')}</dd>
          ${party.jobTitle ? html`<dt>${t('party.jobTitle')}</dt><dd>${party.jobTitle}</dd>` : nothing}
          ${primaries.map((m) => html`<dt>${t(`cm.type.${m.type}`)}</dt><dd>${this.mechanismText(m)}${m.optOut ? html` <span class="chip warn">${t('cm.optedOut')}</span>` : nothing}</dd>`)}
        </dl>
      </div>
      <div class="actions" style="align-items:flex-start">
        ${this.host.can('core.activity.write')
          ? html`<button @click=${this.openRecorder} aria-keyshortcuts="c">${t('party.recordContact')}</button>`
          : nothing}
        ${this.host.can('core.party.write') ? html`<a class="button secondary" href="#/parties/${party.id}/edit">${t('party.edit')}</a>` : nothing}
        ${actions.map((action) => {
          const label = this.host.hostFor(action.module).t(action.label);
          return html`<a class="button secondary" data-module=${action.module} href="#/${fillRoute(action.route, { partyId: party.id ?? '' })}">${label}</a>`;
        })}
      </div>
    </section>`;
  }

  private mechanismText(m: ContactMechanism): string {
    return m.type === 'POSTAL' ? [m.line1, m.line2, [m.postalCode, m.city].filter(Boolean).join(' '), m.country].filter(Boolean).join(', ') : m.value ?? '';
  }

  private renderMechanisms(party: Party) {
    const t = this.t;
    const canWrite = this.host.can('core.party.write');
    return html`<section class="card" data-section="contact-mechanisms" data-module="core" aria-labelledby="cm-title">
      <h2 id="cm-title">${t('section.core.contact-mechanisms')}</h2>
      ${party.contactMechanisms.length
        ? html`<ul class="plain">
            ${party.contactMechanisms.map((m, i) => html`<li class="mechanism">
              <div>
                <strong>${t(`cm.type.${m.type}`)}</strong> ${this.mechanismText(m)}
                <div class="muted">
                  ${[m.purpose ? this.host.codeLabel('contact-purpose', m.purpose) : '', m.primary ? t('cm.primary') : ''].filter(Boolean).join(' · ')}
                </div>
              </div>
              <div>
                ${m.optOut ? html`<span class="chip warn">${t('cm.optedOut')}</span>` : html`<span class="chip">${t('cm.consenting')}</span>`}
                ${canWrite
                  ? html`<button class="link" @click=${() => this.toggleOptOut(i)}
                      aria-label=${(m.optOut ? t('cm.restoreConsentFor') : t('cm.recordOptOutFor')) + ' ' + this.mechanismText(m)}>
                      ${m.optOut ? t('cm.restoreConsent') : t('cm.recordOptOut')}</button>`
                  : nothing}
              </div>
            </li>`)}
          </ul>`
        : html`<p class="muted">${t('overview.empty')}</p>`}
    </section>`;
  }

  private renderSection(section: OverviewSection) {
    const element = this.host.extensions.sectionElement(section.module, section.section);
    const title = this.t.lookup(`section.${section.module}.${section.section}`) ?? section.title ?? section.section;
    const id = `section-${section.module}-${section.section}`;
    return html`<section class="card" data-section=${section.section} data-module=${section.module} aria-labelledby=${id}>
      <h2 id=${id}>${title}</h2>
      ${element
        ? html`<tessera-mount .host=${this.host.hostFor(section.module, { partyId: this.party?.id, section })} .tag=${element}></tessera-mount>`
        : html`<tessera-overview-section .host=${this.host} .section=${section}></tessera-overview-section>`}
    </section>`;
  }

  private renderTimeline() {
    const t = this.t;
    const sources = [...new Set(['core', ...this.host.extensions.extensions.map((e) => e.module), ...this.entries.map((e) => e.source)])];
    const kinds = [...new Set(this.entries.map((e) => e.kind))].sort();
    const shown = this.entries.filter((e) => (!this.sourceFilter || e.source === this.sourceFilter) && (!this.kindFilter || e.kind === this.kindFilter));
    return html`<section class="card" aria-labelledby="timeline-title" data-testid="timeline">
      <h2 id="timeline-title">${t('timeline.title')}</h2>
      <div class="row" style="margin-bottom:0.5rem">
        <div class="field">
          <label for="tl-source">${t('timeline.module')}</label>
          <select id="tl-source" @change=${(e: Event) => { this.sourceFilter = (e.target as HTMLSelectElement).value; void this.updateComplete.then(() => this.loadMoreIfVisible()); }}>
            <option value="">${t('common.all')}</option>
            ${sources.map((s) => html`<option value=${s} ?selected=${s === this.sourceFilter}>${t.lookup(`module.${s}`) ?? s}</option>`)}
          </select>
        </div>
        <div class="field">
          <label for="tl-kind">${t('timeline.type')}</label>
          <select id="tl-kind" @change=${(e: Event) => { this.kindFilter = (e.target as HTMLSelectElement).value; void this.updateComplete.then(() => this.loadMoreIfVisible()); }}>
            <option value="">${t('common.all')}</option>
            ${kinds.map((k) => html`<option value=${k} ?selected=${k === this.kindFilter}>${t.lookup(`kind.${k}`) ?? k}</option>`)}
          </select>
        </div>
      </div>
      <ol class="timeline" aria-busy=${this.timelineLoading ? 'true' : 'false'}>
        ${shown.map((entry) => html`<li data-source=${entry.source} data-kind=${entry.kind}>
          <div class="when">${this.host.formatDate(entry.occurredAt, true)} · ${t.lookup(`module.${entry.source}`) ?? entry.source}</div>
          <div>${entry.href ? html`<a href="#${entry.href}">${entry.title ?? entry.id}</a>` : entry.title ?? entry.id}
            ${entry.status ? html`<span class="chip ${entry.status === 'PLANNED' ? 'warn' : ''}">${t.lookup(`status.${entry.status}`) ?? entry.status}</span>` : nothing}</div>
          ${entry.summary ? html`<div class="muted">${this.summary(entry.summary)}</div>` : nothing}
        </li>`)}
      </ol>
      ${this.timelineError ? html`<div class="error-box" role="alert">${this.timelineError}</div>` : nothing}
      <p class="muted" role="status">${this.timelineLoading ? t('common.loading') : !this.timelineCursor ? (shown.length ? t('timeline.end') : t('timeline.empty')) : ''}</p>
      ${this.timelineCursor && !this.timelineLoading
        ? html`<button class="secondary" @click=${() => this.loadTimeline(false)}>${t('timeline.more')}</button>`
        : nothing}
      <div class="sentinel" aria-hidden="true"></div>
    </section>`;
  }

  /** The server's summary (`CALL · PHONE_APPOINTMENT`) with each code in words. */
  private summary(summary: string): string {
    return summary
      .split(' · ')
      .map((token) => {
        for (const picklist of ['activity-type', 'activity-channel', 'activity-outcome']) {
          const label = this.t.lookup(`code.${picklist}.${token}`);
          if (label) return label;
        }
        return token;
      })
      .join(' · ');
  }
}

customElements.define('tessera-party-view', TesseraPartyView);
