import { css, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { SalesElement, etagOf, salesStyles } from './base';
import { codeLabel, fieldErrors, localDay, personName } from './format';
import { isApiProblem } from '@tessera/ui-host';
import { emptyOutcomeForm, isDue, outcomeFormErrors, outcomeRequest, queueOrder, withField, type OutcomeForm } from './lead-outcome';
import { NEXT_ACTIONS, type Lead, type LeadConversion, type Page, type Picklist, type PicklistValue } from './sales-api';

const WORKABLE = ['NEW', 'WORKING', 'QUALIFIED'] as const;

interface ConversionForm { createOpportunity: boolean; opportunityName: string; amount: string; currency: string; expectedCloseDate: string }

/**
 * The lead work queue: the leads to work, due next actions first; for the one selected, a call's
 * outcome and the next action in one step, then qualify, disqualify or convert (and go to the deal).
 */
export class SalesLeads extends SalesElement {
  static override properties = {
    ...SalesElement.properties,
    leads: { state: true }, selectedId: { state: true }, form: { state: true }, outcomes: { state: true },
    message: { state: true }, refusal: { state: true }, conversion: { state: true }, disqualifying: { state: true },
    busy: { state: true }, loaded: { state: true },
  };
  declare leads: Lead[];
  declare selectedId: string | undefined;
  declare form: OutcomeForm;
  declare outcomes: PicklistValue[];
  declare message: string;
  declare refusal: string;
  declare conversion: ConversionForm | undefined;
  declare disqualifying: string | undefined;
  declare busy: boolean;
  declare loaded: boolean;
  private loading = false;

  constructor() {
    super();
    this.leads = [];
    this.form = emptyOutcomeForm();
    this.outcomes = [];
    this.message = '';
    this.refusal = '';
    this.busy = false;
    this.loaded = false;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('host') && this.host && !this.loading) {
      this.loading = true;
      void this.load();
    }
  }

  private get selected(): Lead | undefined {
    return this.leads.find((l) => l.id === this.selectedId);
  }

  private async load(): Promise<void> {
    const api = this.host!.api;
    try {
      const [outcomes, ...pages] = await Promise.all([
        api.get<Picklist>('/picklists/activity-outcome'),
        ...WORKABLE.map((status) => api.get<Page<Lead>>('/sales/leads', { query: { status, limit: '200' } })),
      ]);
      this.outcomes = outcomes.body.values.filter((v) => v.active).sort((a, b) => a.sortOrder - b.sortOrder);
      this.leads = queueOrder(pages.flatMap((p) => p.body.items), new Date());
      const wanted = this.host!.query.get('lead');
      this.selectedId = this.leads.find((l) => l.id === wanted)?.id ?? this.selectedId ?? this.leads[0]?.id;
      this.loaded = true;
    } catch (error) {
      this.refusal = this.failure(error);
    }
  }

  private select(id: string): void {
    this.selectedId = id;
    this.form = emptyOutcomeForm();
    this.conversion = undefined;
    this.disqualifying = undefined;
    this.message = '';
    this.refusal = '';
  }

  private replace(lead: Lead): void {
    this.leads = this.leads.map((l) => (l.id === lead.id ? lead : l));
  }

  private field(field: 'outcome' | 'note' | 'nextAction' | 'nextActionAt', event: Event): void {
    this.form = withField(this.form, field, (event.target as HTMLInputElement).value, new Date());
  }

  private async recordOutcome(event: Event): Promise<void> {
    event.preventDefault();
    const lead = this.selected;
    const request = outcomeRequest(this.form);
    if (!lead || !request) {
      const own = outcomeFormErrors(this.form);
      this.form = { ...this.form, errors: Object.fromEntries(Object.entries(own).map(([f, code]) =>
        [f, this.t(`problem.${code}`, { field: this.t(`field.${f}`) })])) };
      this.focusFirstError();
      return;
    }
    this.form = { ...this.form, submitting: true, errors: {} };
    try {
      const updated = await this.host!.api.post<Lead>(`/sales/leads/${lead.id}/outcomes`, request);
      this.replace(updated.body);
      this.message = updated.body.nextAction
        ? this.t('leads.recordedWithNext', { outcome: this.outcomeLabel(request.outcome),
          action: codeLabel((k, v) => this.t(k, v), 'nextAction', updated.body.nextAction), at: this.date(updated.body.nextActionAt, true) })
        : this.t('leads.recorded', { outcome: this.outcomeLabel(request.outcome) });
      this.host!.notify(this.message, 'info');
      this.form = emptyOutcomeForm();
    } catch (error) {
      this.form = { ...this.form, submitting: false,
        errors: isApiProblem(error) ? fieldErrors((k, v) => this.t(k, v), error.problem) : {} };
      this.refusal = Object.keys(this.form.errors).length ? '' : this.failure(error);
      this.focusFirstError();
    }
  }

  private async focusFirstError(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[aria-invalid=true]')?.focus();
  }

  private async setStatus(status: 'QUALIFIED' | 'WORKING' | 'DISQUALIFIED', disqualifiedReason?: string): Promise<void> {
    const lead = this.selected!;
    this.busy = true;
    this.refusal = '';
    try {
      const patch: Record<string, string> = { status };
      if (disqualifiedReason !== undefined) {
        patch.disqualifiedReason = disqualifiedReason;
      }
      const updated = await this.host!.api.patch<Lead>(`/sales/leads/${lead.id}`, patch, { ifMatch: etagOf(lead.version) });
      this.replace(updated.body);
      this.disqualifying = undefined;
      this.message = this.t(`leads.status.${status}`, { name: this.leadName(lead) });
      if (status === 'DISQUALIFIED') {
        this.leads = this.leads.filter((l) => l.id !== lead.id);
        this.selectedId = this.leads[0]?.id;
      }
    } catch (error) {
      this.refusal = this.failure(error);
      if (isApiProblem(error) && error.status === 412) {
        void this.load();
      }
    } finally {
      this.busy = false;
    }
  }

  private startConversion(): void {
    const lead = this.selected!;
    this.conversion = { createOpportunity: true, opportunityName: lead.companyName || this.leadName(lead), amount: '', currency: 'EUR',
      expectedCloseDate: '' };
  }

  private async convert(event: Event): Promise<void> {
    event.preventDefault();
    const lead = this.selected!;
    const c = this.conversion!;
    const request: LeadConversion = { createOpportunity: c.createOpportunity };
    if (c.createOpportunity) {
      request.opportunityName = c.opportunityName.trim() || undefined;
      request.currency = c.currency.trim().toUpperCase() || undefined;
      request.amount = c.amount.trim() ? Number(c.amount) : undefined;
      request.expectedCloseDate = c.expectedCloseDate || undefined;
    }
    this.busy = true;
    this.refusal = '';
    try {
      const done = await this.host!.api.post<LeadConversion>(`/sales/leads/${lead.id}/convert`, request);
      this.host!.notify(this.t('leads.converted', { name: this.leadName(lead) }), 'info');
      this.leads = this.leads.filter((l) => l.id !== lead.id);
      if (done.body.opportunityId) {
        this.host!.navigate(`sales/opportunities/${done.body.opportunityId}`);
      } else if (done.body.accountId || done.body.contactId) {
        this.host!.navigate(`parties/${done.body.accountId ?? done.body.contactId}`);
      }
    } catch (error) {
      this.refusal = this.failure(error);
    } finally {
      this.busy = false;
    }
  }

  private leadName(lead: Lead): string {
    return personName(lead.firstName, lead.lastName) || lead.companyName || `#${lead.id}`;
  }

  private outcomeLabel(code: string | null | undefined): string {
    return codeLabel((k, v) => this.t(k, v), 'outcome', code, this.outcomes.find((o) => o.code === code)?.label);
  }

  override render() {
    if (!this.host) {
      return nothing;
    }
    const now = new Date();
    return html`
      <h1>${this.t('leads.title')}</h1>
      ${this.refusal ? html`<div class="alert" role="alert">${this.refusal}</div>` : nothing}
      <p class="visually-hidden" role="status" aria-live="polite">${this.message}</p>
      <div class="layout">
        <section aria-labelledby="queue-title" class="queue">
          <h2 id="queue-title">${this.t('leads.queue', { count: this.leads.length })}</h2>
          ${!this.loaded ? html`<p class="muted">${this.t('loading')}</p>` : this.leads.length === 0 ? html`<p class="muted">${this.t('leads.empty')}</p>` : nothing}
          <ul>
            ${repeat(this.leads, (l) => l.id, (lead) => html`
              <li>
                <button type="button" class="lead ${lead.id === this.selectedId ? 'selected' : ''}" aria-pressed=${lead.id === this.selectedId ? 'true' : 'false'}
                    data-lead-id=${lead.id} @click=${() => this.select(lead.id)}>
                  <span class="name">${this.leadName(lead)}</span>
                  <span class="muted">${[lead.companyName, codeLabel((k, v) => this.t(k, v), 'leadStatus', lead.status)].filter(Boolean).join(' · ')}</span>
                  ${lead.nextAction ? html`<span class=${isDue(lead, now) ? 'due' : 'muted'}>
                    ${codeLabel((k, v) => this.t(k, v), 'nextAction', lead.nextAction)} · ${this.date(lead.nextActionAt, true)}</span>` : nothing}
                </button>
              </li>`)}
          </ul>
        </section>
        ${this.selected ? this.renderWork(this.selected) : nothing}
      </div>`;
  }

  private renderWork(lead: Lead) {
    const f = this.form;
    const err = (field: string) => f.errors[field];
    return html`
      <section class="work" aria-labelledby="work-title">
        <h2 id="work-title">${this.leadName(lead)}</h2>
        <dl class="fields">
          ${lead.companyName ? html`<dt>${this.t('field.companyName')}</dt><dd>${lead.companyName}${lead.jobTitle ? ` — ${lead.jobTitle}` : ''}</dd>` : nothing}
          ${lead.phone ? html`<dt>${this.t('field.phone')}</dt><dd><a href="tel:${lead.phone}">${lead.phone}</a></dd>` : nothing}
          ${lead.email ? html`<dt>${this.t('field.email')}</dt><dd><a href="mailto:${lead.email}">${lead.email}</a></dd>` : nothing}
          <dt>${this.t('field.status')}</dt><dd>${codeLabel((k, v) => this.t(k, v), 'leadStatus', lead.status)}</dd>
          ${lead.rating ? html`<dt>${this.t('field.rating')}</dt><dd>${codeLabel((k, v) => this.t(k, v), 'rating', lead.rating)}</dd>` : nothing}
          ${lead.source ? html`<dt>${this.t('field.source')}</dt><dd>${lead.source}</dd>` : nothing}
          <dt>${this.t('field.lastOutcome')}</dt>
          <dd data-testid="last-outcome">${lead.lastOutcome ? `${this.outcomeLabel(lead.lastOutcome)} · ${this.date(lead.lastOutcomeAt, true)}` : '—'}</dd>
          <dt>${this.t('field.nextAction')}</dt>
          <dd data-testid="next-action">${lead.nextAction
            ? `${codeLabel((k, v) => this.t(k, v), 'nextAction', lead.nextAction)} · ${this.date(lead.nextActionAt, true)}` : '—'}</dd>
          ${lead.partyId ? html`<dt>${this.t('field.party')}</dt><dd><a href="#/parties/${lead.partyId}">${this.t('leads.openParty')}</a></dd>` : nothing}
        </dl>
        ${this.message ? html`<p class="info">${this.message}</p>` : nothing}

        <form class="outcome" @submit=${(e: Event) => this.recordOutcome(e)} novalidate aria-labelledby="outcome-title">
          <h3 id="outcome-title">${this.t('leads.recordOutcome')}</h3>
          <div class="row">
            <label>${this.t('field.outcome')}
              <select name="outcome" .value=${f.outcome} aria-invalid=${err('outcome') ? 'true' : 'false'} aria-describedby="outcome-error"
                  @change=${(e: Event) => this.field('outcome', e)} required>
                <option value="">${this.t('choose')}</option>
                ${this.outcomes.map((o) => html`<option value=${o.code} ?selected=${o.code === f.outcome}>${this.outcomeLabel(o.code)}</option>`)}
              </select>
              <span class="error" id="outcome-error">${err('outcome') ?? ''}</span></label>
            <label>${this.t('field.nextAction')}
              <select name="nextAction" .value=${f.nextAction} @change=${(e: Event) => this.field('nextAction', e)}>
                <option value="">${this.t('leads.noNextAction')}</option>
                ${NEXT_ACTIONS.map((a) => html`<option value=${a} ?selected=${a === f.nextAction}>${codeLabel((k, v) => this.t(k, v), 'nextAction', a)}</option>`)}
              </select></label>
            <label>${this.t('field.nextActionAt')}
              <input type="datetime-local" name="nextActionAt" .value=${f.nextActionAt} ?disabled=${!f.nextAction}
                aria-invalid=${err('nextActionAt') ? 'true' : 'false'} aria-describedby="next-error"
                @change=${(e: Event) => this.field('nextActionAt', e)}>
              <span class="error" id="next-error">${err('nextActionAt') ?? ''}</span></label>
          </div>
          <label>${this.t('field.note')}
            <textarea name="note" rows="2" .value=${f.note} @input=${(e: Event) => this.field('note', e)}></textarea>
            <span class="error">${err('note') ?? ''}</span></label>
          <div class="row"><button type="submit" class="primary" ?disabled=${f.submitting}>${this.t('leads.record')}</button></div>
        </form>

        <div class="row actions">
          ${lead.status !== 'QUALIFIED' ? html`<button type="button" ?disabled=${this.busy} @click=${() => this.setStatus('QUALIFIED')}>${this.t('leads.qualify')}</button>` : nothing}
          ${lead.status === 'QUALIFIED' ? html`<button type="button" class="primary" ?disabled=${this.busy} @click=${() => this.startConversion()}>${this.t('leads.convert')}</button>` : nothing}
          <button type="button" ?disabled=${this.busy} @click=${() => { this.disqualifying = ''; }}>${this.t('leads.disqualify')}</button>
        </div>
        ${this.disqualifying !== undefined ? html`
          <form class="row" @submit=${(e: Event) => { e.preventDefault(); void this.setStatus('DISQUALIFIED', this.disqualifying); }}>
            <label>${this.t('field.disqualifiedReason')}
              <input name="disqualifiedReason" .value=${this.disqualifying} @input=${(e: Event) => { this.disqualifying = (e.target as HTMLInputElement).value; }}></label>
            <button type="submit" ?disabled=${this.busy}>${this.t('leads.confirmDisqualify')}</button>
            <button type="button" @click=${() => { this.disqualifying = undefined; }}>${this.t('cancel')}</button>
          </form>` : nothing}
        ${this.conversion ? this.renderConversion(this.conversion) : nothing}
      </section>`;
  }

  private renderConversion(c: ConversionForm) {
    const set = (patch: Partial<ConversionForm>) => { this.conversion = { ...c, ...patch }; };
    return html`
      <form class="conversion" @submit=${(e: Event) => this.convert(e)} aria-labelledby="convert-title">
        <h3 id="convert-title">${this.t('leads.convertTitle')}</h3>
        <label class="check"><input type="checkbox" .checked=${c.createOpportunity}
          @change=${(e: Event) => set({ createOpportunity: (e.target as HTMLInputElement).checked })}> ${this.t('leads.createOpportunity')}</label>
        ${c.createOpportunity ? html`<div class="row">
          <label>${this.t('field.opportunityName')}<input name="opportunityName" .value=${c.opportunityName}
            @input=${(e: Event) => set({ opportunityName: (e.target as HTMLInputElement).value })}></label>
          <label>${this.t('field.amount')}<input name="amount" type="number" min="0" step="0.01" .value=${c.amount}
            @input=${(e: Event) => set({ amount: (e.target as HTMLInputElement).value })}></label>
          <label>${this.t('field.currency')}<input name="currency" size="4" maxlength="3" .value=${c.currency}
            @input=${(e: Event) => set({ currency: (e.target as HTMLInputElement).value })}></label>
          <label>${this.t('field.expectedCloseDate')}<input name="expectedCloseDate" type="date" min=${localDay(new Date())} .value=${c.expectedCloseDate}
            @input=${(e: Event) => set({ expectedCloseDate: (e.target as HTMLInputElement).value })}></label>
        </div>` : nothing}
        <div class="row">
          <button type="submit" class="primary" ?disabled=${this.busy}>${this.t('leads.confirmConvert')}</button>
          <button type="button" @click=${() => { this.conversion = undefined; }}>${this.t('cancel')}</button>
        </div>
      </form>`;
  }

  static override styles = [salesStyles, css`
    .layout { display: grid; grid-template-columns: minmax(16rem, 22rem) 1fr; gap: 1.25rem; align-items: start; }
    @media (max-width: 800px) { .layout { grid-template-columns: 1fr; } }
    .queue ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: .35rem; max-height: 75vh; overflow: auto; }
    .lead { width: 100%; text-align: left; display: flex; flex-direction: column; gap: .1rem; border-color: #d0d5db; }
    .lead.selected { border-color: var(--tessera-primary, #0b57a4); background: #e8f1fb; }
    .lead .name { font-weight: 600; }
    .due { color: #8a4b00; font-weight: 600; }
    .work { background: #fff; border: 1px solid #d0d5db; border-radius: 6px; padding: .75rem 1rem; display: flex; flex-direction: column; gap: .75rem; }
    .work h2 { margin-top: 0; }
    h3 { font-size: 1rem; margin: 0 0 .5rem; }
    form.outcome, form.conversion { border-top: 1px solid #e1e4e8; padding-top: .75rem; display: flex; flex-direction: column; gap: .6rem; }
    label.check { flex-direction: row; align-items: center; }
  `];
}
