import { html, css, nothing } from 'lit';
import { Screen } from './screen';
import { ApiProblem } from '../api/problem';
import { diffVersions, reapplyChanges, type FieldDiff } from '../conflict';
import type { Agent, ContactMechanism, CustomFieldDefinition, OrgUnit, Party } from '../model';
import { PARTY_EDIT_FIELDS } from '../model';
import { shared } from '../styles';

type Option = { code: string; label: string };

interface Conflict {
  theirs: Party;
  theirsEtag: string;
  diffs: FieldDiff[];
}

const clone = <T,>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function newProspect(ownerId: string | undefined, orgUnitId: string | undefined): Party {
  return {
    type: 'PERSON',
    classifications: ['PROSPECT'],
    contactMechanisms: [{ type: 'EMAIL', value: '', purpose: 'WORK', primary: true }],
    customFields: {},
    ownerId,
    orgUnitId,
  };
}

/**
 * Creating a prospect (`#/parties/new`) and editing a party (`#/parties/:id/edit`). An edit is
 * saved with If-Match; a 412 shows what changed meanwhile and lets the user reapply their changes
 * on the current version — never an overwrite without their say.
 */
export class TesseraPartyForm extends Screen {
  static properties = {
    ...Screen.properties,
    draft: { state: true },
    base: { state: true },
    problem: { state: true },
    conflict: { state: true },
    error: { state: true },
    saving: { state: true },
    loaded: { state: true },
    agents: { state: true },
    units: { state: true },
    classifications: { state: true },
    purposes: { state: true },
    customFields: { state: true },
    picklistValues: { state: true },
  };
  declare draft: Party;
  declare base: Party | null;
  declare problem: ApiProblem | null;
  declare conflict: Conflict | null;
  declare error: string;
  declare saving: boolean;
  declare loaded: boolean;
  declare agents: Agent[];
  declare units: OrgUnit[];
  declare classifications: Option[];
  declare purposes: Option[];
  declare customFields: CustomFieldDefinition[];
  declare picklistValues: Record<string, Option[]>;
  private etag: string | undefined;
  private knownFields = new Set<string>();

  constructor() {
    super();
    this.draft = newProspect(undefined, undefined);
    this.base = null;
    this.problem = null;
    this.conflict = null;
    this.error = '';
    this.saving = false;
    this.loaded = false;
    this.agents = [];
    this.units = [];
    this.classifications = [];
    this.purposes = [];
    this.customFields = [];
    this.picklistValues = {};
  }

  static styles = [
    shared,
    css`
      fieldset { border: 1px solid var(--border); border-radius: 8px; padding: 0.75rem 1rem; margin: 0 0 1rem; background: #fff; }
      legend { font-weight: 700; padding: 0 0.3rem; }
      .checks { display: flex; flex-wrap: wrap; gap: 0.4rem 1.2rem; }
      .checks label, .inline { font-weight: 400; display: inline-flex; gap: 0.35rem; align-items: center; }
      .mechanism { border-top: 1px solid #e3e6eb; padding-top: 0.6rem; margin-top: 0.6rem; }
      .mechanism:first-of-type { border-top: none; margin-top: 0; padding-top: 0; }
      .conflict { border: 2px solid #a15c00; background: #fff8ec; border-radius: 8px; padding: 1rem; margin-bottom: 1rem; }
      .conflict td.mine { background: #eaf3ff; }
      .conflict td.theirs { background: #fff0d6; }
    `,
  ];

  private get editing(): boolean {
    return !!this.host.params.id;
  }

  protected async load() {
    this.problem = null;
    this.conflict = null;
    this.error = '';
    this.loaded = false;
    void this.loadReference();
    if (!this.editing) {
      this.draft = newProspect(this.host.agentId, this.host.user.orgUnitId);
      this.base = null;
      this.loaded = true;
      return;
    }
    try {
      const answer = await this.host.api.get<Party>(`/parties/${encodeURIComponent(this.host.params.id)}`);
      this.base = clone(answer.body);
      this.draft = clone(answer.body);
      this.etag = answer.etag;
      this.loaded = true;
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  private async loadReference() {
    const reference = this.host.reference;
    const [agents, units, classifications, purposes, customFields] = await Promise.all([
      reference.agents().catch(() => []),
      reference.orgUnits().catch(() => []),
      reference.picklistValues('party-classification').catch(() => []),
      reference.picklistValues('contact-purpose').catch(() => []),
      reference.customFields('PARTY').catch(() => []),
    ]);
    Object.assign(this, { agents, units, classifications, purposes, customFields });
    const values: Record<string, Option[]> = {};
    for (const field of customFields.filter((one) => one.type === 'PICKLIST')) {
      values[field.key] = field.picklist
        ? await reference.picklistValues(field.picklist).catch(() => [])
        : field.values.map((code) => ({ code, label: code }));
    }
    this.picklistValues = values;
  }

  private set<K extends keyof Party>(key: K, value: Party[K]) {
    this.draft = { ...this.draft, [key]: value };
  }

  private setMechanism(index: number, patch: Partial<ContactMechanism>) {
    const mechanisms = this.draft.contactMechanisms.map((m, i) => (i === index ? { ...m, ...patch } : m));
    if (patch.primary) {
      const type = mechanisms[index].type;
      mechanisms.forEach((m, i) => i !== index && m.type === type && (m.primary = false));
    }
    this.set('contactMechanisms', mechanisms);
  }

  private addMechanism(type: ContactMechanism['type']) {
    const hasPrimary = this.draft.contactMechanisms.some((m) => m.type === type && m.primary);
    this.set('contactMechanisms', [...this.draft.contactMechanisms, { type, value: '', purpose: type === 'PHONE' ? 'MOBILE' : 'WORK', primary: !hasPrimary }]);
  }

  private removeMechanism(index: number) {
    this.set('contactMechanisms', this.draft.contactMechanisms.filter((_, i) => i !== index));
  }

  private setCustom(key: string, value: unknown) {
    const customFields = { ...this.draft.customFields };
    if (value === '' || value === undefined || value === null) delete customFields[key];
    else customFields[key] = value;
    this.set('customFields', customFields);
  }

  /** What is sent: empty contact mechanisms dropped, names of other party types left out. */
  private payload(): Party {
    const party = clone(this.draft);
    party.contactMechanisms = party.contactMechanisms.filter((m) =>
      m.type === 'POSTAL' ? [m.line1, m.postalCode, m.city].some((v) => v?.trim()) : m.value?.trim(),
    );
    return party;
  }

  private async submit(event: SubmitEvent) {
    event.preventDefault();
    if (this.saving) return;
    this.saving = true;
    this.problem = null;
    this.error = '';
    const api = this.host.api;
    const payload = this.payload();
    try {
      if (this.editing) {
        const answer = await api.put<Party>(`/parties/${encodeURIComponent(this.host.params.id)}`, payload, { ifMatch: this.etag });
        this.host.notify(this.t('partyForm.saved', { name: answer.body.displayName ?? '' }));
        this.host.navigate(`parties/${answer.body.id}`);
      } else {
        const answer = await api.post<Party>('/parties', payload);
        this.host.notify(this.t('partyForm.created', { name: answer.body.displayName ?? '' }));
        this.host.navigate(`parties/${answer.body.id}`);
      }
    } catch (error) {
      if (error instanceof ApiProblem && error.status === 412 && this.editing && this.base) {
        await this.showConflict(payload);
      } else if (error instanceof ApiProblem && error.errors.length) {
        this.problem = error;
        await this.updateComplete;
        this.focusFirstInvalid();
      } else {
        this.error = this.describe(error);
      }
    } finally {
      this.saving = false;
    }
  }

  private async showConflict(yours: Party) {
    try {
      const current = await this.host.api.get<Party>(`/parties/${encodeURIComponent(this.host.params.id)}`);
      const diffs = diffVersions(this.base as never, yours as never, current.body as never, PARTY_EDIT_FIELDS);
      this.conflict = { theirs: current.body, theirsEtag: current.etag ?? `"${current.body.version}"`, diffs };
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#conflict-title')?.focus();
    } catch (error) {
      this.error = this.describe(error);
    }
  }

  private reapply() {
    const conflict = this.conflict;
    if (!conflict || !this.base) return;
    this.draft = reapplyChanges(this.base as never, this.payload() as never, conflict.theirs as never, PARTY_EDIT_FIELDS) as Party;
    this.base = clone(conflict.theirs);
    this.etag = conflict.theirsEtag;
    this.conflict = null;
    this.host.notify(this.t('conflict.reapplied'));
  }

  private discardMine() {
    const conflict = this.conflict;
    if (!conflict) return;
    this.draft = clone(conflict.theirs);
    this.base = clone(conflict.theirs);
    this.etag = conflict.theirsEtag;
    this.conflict = null;
  }

  private focusFirstInvalid() {
    const invalid = this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]');
    (invalid ?? this.renderRoot.querySelector<HTMLElement>('#form-errors'))?.focus();
  }

  render() {
    const t = this.t;
    if (this.error && !this.loaded) return html`<div class="error-box" role="alert">${this.error}</div>`;
    if (!this.loaded) return html`<p class="muted">${t('common.loading')}</p>`;
    this.knownFields = new Set();
    const d = this.draft;
    const title = this.editing ? t('partyForm.editTitle', { name: this.base?.displayName ?? '' }) : t('partyForm.newTitle');
    const unmatched = this.problem?.unmatchedErrors((field) => this.knownFields.has(field)) ?? [];
    const body = html`
      <form @submit=${this.submit} novalidate aria-labelledby="form-title">
        ${this.renderTypeAndNames(d)} ${this.renderClassifications(d)} ${this.renderMechanisms(d)} ${this.renderOwnership(d)}
        ${this.renderCustomFields(d)}
        <div class="actions">
          <button type="submit" ?disabled=${this.saving || !!this.conflict}>${this.editing ? t('partyForm.save') : t('partyForm.create')}</button>
          <a href=${this.editing ? `#/parties/${this.host.params.id}` : '#/parties'}>${t('common.cancel')}</a>
        </div>
      </form>`;
    // the summary lists the errors that no input shows (known only once the inputs are rendered)
    const summaryErrors = this.problem?.unmatchedErrors((field) => this.knownFields.has(field)) ?? unmatched;
    return html`
      <h1 id="form-title">${title}</h1>
      ${this.conflict ? this.renderConflict(this.conflict) : nothing}
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${this.problem
        ? html`<div class="error-box" id="form-errors" role="alert" tabindex="-1">
            <strong>${t('partyForm.invalid', { count: this.problem.errors.length })}</strong>
            ${summaryErrors.length ? html`<ul>${summaryErrors.map((e) => html`<li>${e.field}: ${e.message}</li>`)}</ul>` : nothing}
          </div>`
        : nothing}
      ${body}
    `;
  }

  /** An input's error attributes and message, registering the field as shown. */
  private err(field: string) {
    this.knownFields.add(field);
    const message = this.fieldMessage(this.problem, field);
    return {
      invalid: message ? 'true' : 'false',
      describedBy: message ? `${field}-error` : '',
      message: message ? html`<div class="field-error" id="${field}-error">${message}</div>` : nothing,
    };
  }

  private text(field: keyof Party & string, label: string, autocomplete = 'off', required = false) {
    const e = this.err(field);
    return html`<div class="field">
      <label for=${field}>${label}${required ? html` <span aria-hidden="true">*</span>` : nothing}</label>
      <input id=${field} autocomplete=${autocomplete} .value=${(this.draft[field] as string | undefined) ?? ''} ?required=${required}
        aria-invalid=${e.invalid} aria-describedby=${e.describedBy}
        @input=${(ev: Event) => this.set(field, (ev.target as HTMLInputElement).value as never)} />
      ${e.message}
    </div>`;
  }

  private renderTypeAndNames(d: Party) {
    const t = this.t;
    const types: Party['type'][] = this.editing ? [d.type] : ['PERSON', 'ORGANIZATION'];
    return html`<fieldset>
      <legend>${t('partyForm.identity')}</legend>
      <div class="checks" role="radiogroup" aria-label=${t('party.type')}>
        ${types.map((type) => html`<label class="inline"><input type="radio" name="type" value=${type} .checked=${d.type === type}
          ?disabled=${this.editing} @change=${() => this.set('type', type)} /> ${t(`party.type.${type}`)}</label>`)}
      </div>
      ${d.type === 'PERSON'
        ? html`<div class="row">
            ${this.text('salutation', t('party.salutation'), 'honorific-prefix')} ${this.text('firstName', t('party.firstName'), 'given-name')}
            ${this.text('lastName', t('party.lastName'), 'family-name', true)}
          </div>
          <div class="row">${this.text('jobTitle', t('party.jobTitle'), 'organization-title')}</div>`
        : d.type === 'ORGANIZATION'
          ? html`<div class="row">${this.text('legalName', t('party.legalName'), 'organization', true)}
              ${this.text('registrationNumber', t('party.registrationNumber'))} ${this.text('industry', t('party.industry'))}</div>`
          : html`<div class="row">${this.text('name', t('party.householdName'), 'off', true)}</div>`}
      ${this.editing
        ? html`<div class="row"><div class="field">
            <label for="status">${t('party.status')}</label>
            <select id="status" @change=${(ev: Event) => this.set('status', (ev.target as HTMLSelectElement).value)}>
              ${['ACTIVE', 'INACTIVE'].map((s) => html`<option value=${s} ?selected=${d.status === s}>${t(`party.status.${s}`)}</option>`)}
            </select></div></div>`
        : nothing}
    </fieldset>`;
  }

  private renderClassifications(d: Party) {
    const e = this.err('classifications');
    return html`<fieldset aria-describedby=${e.describedBy}>
      <legend>${this.t('party.classifications')}</legend>
      <div class="checks">
        ${this.classifications.map((c) => html`<label class="inline"><input type="checkbox" .checked=${d.classifications.includes(c.code)}
          @change=${(ev: Event) => this.set('classifications', (ev.target as HTMLInputElement).checked
            ? [...d.classifications, c.code] : d.classifications.filter((x) => x !== c.code))} />
          ${this.host.codeLabel('party-classification', c.code) || c.label}</label>`)}
      </div>
      ${e.message}
    </fieldset>`;
  }

  private renderMechanisms(d: Party) {
    const t = this.t;
    return html`<fieldset>
      <legend>${t('partyForm.contactMechanisms')}</legend>
      ${d.contactMechanisms.map((m, i) => this.renderMechanism(m, i))}
      <div class="actions" style="margin-top:0.6rem">
        <button type="button" class="secondary" @click=${() => this.addMechanism('EMAIL')}>${t('partyForm.addEmail')}</button>
        <button type="button" class="secondary" @click=${() => this.addMechanism('PHONE')}>${t('partyForm.addPhone')}</button>
        <button type="button" class="secondary" @click=${() => this.addMechanism('POSTAL')}>${t('partyForm.addAddress')}</button>
        <button type="button" class="secondary" @click=${() => this.addMechanism('WEB')}>${t('partyForm.addWeb')}</button>
      </div>
    </fieldset>`;
  }

  private renderMechanism(m: ContactMechanism, i: number) {
    const t = this.t;
    const path = `contactMechanisms[${i}]`;
    const input = (key: keyof ContactMechanism, label: string, type = 'text', autocomplete = 'off') => {
      const e = this.err(`${path}.${key}`);
      const id = `${path}.${key}`;
      return html`<div class="field">
        <label for=${id}>${label}</label>
        <input id=${id} type=${type} autocomplete=${autocomplete} .value=${(m[key] as string | undefined) ?? ''}
          aria-invalid=${e.invalid} aria-describedby=${e.describedBy}
          @input=${(ev: Event) => this.setMechanism(i, { [key]: (ev.target as HTMLInputElement).value })} />
        ${e.message}
      </div>`;
    };
    const whole = this.err(path);
    this.err(`${path}.type`);
    this.err(`${path}.purpose`);
    return html`<div class="mechanism" role="group" aria-label=${t('partyForm.mechanism', { n: i + 1, type: t(`cm.type.${m.type}`) })}>
      <div class="row">
        ${m.type === 'POSTAL'
          ? html`${input('line1', t('cm.line1'), 'text', 'address-line1')} ${input('postalCode', t('cm.postalCode'), 'text', 'postal-code')}
              ${input('city', t('cm.city'), 'text', 'address-level2')} ${input('country', t('cm.country'), 'text', 'country')}`
          : input('value', t(`cm.value.${m.type}`), m.type === 'EMAIL' ? 'email' : m.type === 'PHONE' ? 'tel' : 'url',
              m.type === 'EMAIL' ? 'email' : m.type === 'PHONE' ? 'tel' : 'url')}
        <div class="field" style="flex: 0 1 10rem">
          <label for="${path}.purpose">${t('cm.purpose')}</label>
          <select id="${path}.purpose" @change=${(ev: Event) => this.setMechanism(i, { purpose: (ev.target as HTMLSelectElement).value })}>
            ${this.purposes.map((p) => html`<option value=${p.code} ?selected=${m.purpose === p.code}>${this.host.codeLabel('contact-purpose', p.code) || p.label}</option>`)}
          </select>
        </div>
      </div>
      <div class="actions">
        <label class="inline"><input type="checkbox" .checked=${!!m.primary} @change=${(ev: Event) => this.setMechanism(i, { primary: (ev.target as HTMLInputElement).checked })} /> ${t('cm.primary')}</label>
        <label class="inline"><input type="checkbox" .checked=${!!m.optOut} @change=${(ev: Event) => this.setMechanism(i, { optOut: (ev.target as HTMLInputElement).checked })} /> ${t('cm.optOut')}</label>
        <button type="button" class="link" @click=${() => this.removeMechanism(i)}>${t('common.remove')}</button>
      </div>
      ${whole.message}
    </div>`;
  }

  private renderOwnership(d: Party) {
    const t = this.t;
    const owner = this.err('ownerId');
    const unit = this.err('orgUnitId');
    return html`<fieldset>
      <legend>${t('partyForm.ownership')}</legend>
      <div class="row">
        <div class="field">
          <label for="ownerId">${t('party.owner')}</label>
          <select id="ownerId" aria-invalid=${owner.invalid} aria-describedby=${owner.describedBy} @change=${(ev: Event) => this.set('ownerId', (ev.target as HTMLSelectElement).value || undefined)}>
            <option value="" ?selected=${!d.ownerId}>${t('common.none')}</option>
            ${this.agents.map((a) => html`<option value=${a.id} ?selected=${a.id === d.ownerId}>${a.displayName}</option>`)}
          </select>
          ${owner.message}
        </div>
        <div class="field">
          <label for="orgUnitId">${t('party.orgUnit')}</label>
          <select id="orgUnitId" aria-invalid=${unit.invalid} aria-describedby=${unit.describedBy} @change=${(ev: Event) => this.set('orgUnitId', (ev.target as HTMLSelectElement).value || undefined)}>
            <option value="" ?selected=${!d.orgUnitId}>${t('common.none')}</option>
            ${this.units.map((u) => html`<option value=${u.id} ?selected=${u.id === d.orgUnitId}>${u.name}</option>`)}
          </select>
          ${unit.message}
        </div>
      </div>
    </fieldset>`;
  }

  private renderCustomFields(d: Party) {
    if (!this.customFields.length) return nothing;
    return html`<fieldset>
      <legend>${this.t('partyForm.customFields')}</legend>
      <div class="row">${this.customFields.map((field) => this.renderCustomField(field, d.customFields[field.key]))}</div>
    </fieldset>`;
  }

  private renderCustomField(field: CustomFieldDefinition, value: unknown) {
    const path = `customFields.${field.key}`;
    const e = this.err(path);
    const label = html`<label for=${path}>${field.label ?? field.key}${field.required ? html` <span aria-hidden="true">*</span>` : nothing}</label>`;
    const common = { id: path, invalid: e.invalid, describedBy: e.describedBy };
    let control;
    switch (field.type) {
      case 'PICKLIST':
        control = html`<select id=${common.id} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}
          @change=${(ev: Event) => this.setCustom(field.key, (ev.target as HTMLSelectElement).value)}>
          <option value="" ?selected=${value === undefined}>${this.t('common.none')}</option>
          ${(this.picklistValues[field.key] ?? []).map((v) => html`<option value=${v.code} ?selected=${v.code === value}>${v.label}</option>`)}
        </select>`;
        break;
      case 'BOOLEAN':
        control = html`<select id=${common.id} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}
          @change=${(ev: Event) => { const v = (ev.target as HTMLSelectElement).value; this.setCustom(field.key, v === '' ? undefined : v === 'true'); }}>
          <option value="" ?selected=${value === undefined}>${this.t('common.none')}</option>
          <option value="true" ?selected=${value === true}>${this.t('common.yes')}</option>
          <option value="false" ?selected=${value === false}>${this.t('common.no')}</option>
        </select>`;
        break;
      default: {
        const type = field.type === 'DATE' ? 'date' : field.type === 'NUMBER' || field.type === 'DECIMAL' ? 'number' : 'text';
        control = html`<input id=${common.id} type=${type} step=${field.type === 'DECIMAL' ? 'any' : '1'} maxlength=${field.maxLength ?? 4000}
          .value=${value === undefined || value === null ? '' : String(value)} aria-invalid=${common.invalid} aria-describedby=${common.describedBy}
          @input=${(ev: Event) => {
            const raw = (ev.target as HTMLInputElement).value;
            this.setCustom(field.key, raw === '' ? undefined : field.type === 'NUMBER' ? Number.parseInt(raw, 10) : field.type === 'DECIMAL' ? Number(raw) : raw);
          }} />`;
      }
    }
    return html`<div class="field">${label}${control}${e.message}</div>`;
  }

  private renderConflict(conflict: Conflict) {
    const t = this.t;
    return html`<section class="conflict" role="alert" aria-labelledby="conflict-title" data-testid="conflict">
      <h2 id="conflict-title" tabindex="-1">${t('conflict.title')}</h2>
      <p>${t('conflict.text')}</p>
      <table>
        <thead><tr><th>${t('conflict.field')}</th><th>${t('conflict.yours')}</th><th>${t('conflict.theirs')}</th></tr></thead>
        <tbody>
          ${conflict.diffs.map((diff) => html`<tr>
            <th scope="row">${this.fieldLabel(diff.field)}</th>
            <td class=${diff.changedByYou ? 'mine' : ''}>${this.show(diff.yours)}${diff.changedByYou ? html` <span class="chip">${t('conflict.changedByYou')}</span>` : nothing}</td>
            <td class=${diff.changedByThem ? 'theirs' : ''}>${this.show(diff.theirs)}${diff.changedByThem ? html` <span class="chip warn">${t('conflict.changedByThem')}</span>` : nothing}</td>
          </tr>`)}
        </tbody>
      </table>
      <div class="actions" style="margin-top:0.75rem">
        <button type="button" @click=${this.reapply}>${t('conflict.reapply')}</button>
        <button type="button" class="secondary" @click=${this.discardMine}>${t('conflict.discard')}</button>
      </div>
    </section>`;
  }

  private fieldLabel(field: string): string {
    if (field.startsWith('customFields.')) {
      const key = field.slice('customFields.'.length);
      return this.customFields.find((f) => f.key === key)?.label ?? key;
    }
    return this.t.lookup(`party.${field}`) ?? field;
  }

  private show(value: unknown): string {
    if (value === undefined || value === null || value === '') return '—';
    if (Array.isArray(value)) {
      return value.map((item) => (typeof item === 'object' && item ? this.showMechanism(item as ContactMechanism) : String(item))).join(', ') || '—';
    }
    if (typeof value === 'object') return JSON.stringify(value);
    return String(value);
  }

  private showMechanism(m: ContactMechanism): string {
    const where = m.type === 'POSTAL' ? [m.line1, m.postalCode, m.city].filter(Boolean).join(' ') : m.value;
    return `${this.t(`cm.type.${m.type}`)} ${where ?? ''}${m.optOut ? ` (${this.t('cm.optedOut')})` : ''}`;
  }
}

customElements.define('tessera-party-form', TesseraPartyForm);
