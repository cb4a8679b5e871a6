import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import type { TesseraHost } from '@tessera/ui-host';
import { fetchRequest, problemMessage, type Dossier, type RequestDetail, type RequestDocument } from './records';
import { LIST_ROUTE } from './names';

const KINDS = ['INTERACTION', 'LETTER', 'EMAIL', 'AGENT', 'PARTICIPANT', 'OBJECT'] as const;

/**
 * One request (route names.ts DETAIL_ROUTE, reached from the list, the 360° section and search): its
 * abstract, status, owner and queue, its SLA milestones with where each stands, its dossier by kind
 * and its documents.
 */
export class RequestView extends LitElement {
  static properties = {
    host: { attribute: false },
    request: { state: true },
    dossier: { state: true },
    documents: { state: true },
    error: { state: true },
  };
  declare host: TesseraHost;
  declare request: RequestDetail | undefined;
  declare dossier: Dossier;
  declare documents: RequestDocument[];
  declare error: string | undefined;
  private shown: string | undefined;

  constructor() {
    super();
    this.dossier = {};
    this.documents = [];
  }

  static styles = css`
    :host { display: block; }
    h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
    h2 { font-size: 1.1rem; margin: 1.25rem 0 .5rem; }
    dl { display: grid; grid-template-columns: max-content 1fr; gap: .3rem 1rem; margin: 0; }
    dt { color: #59636e; }
    dd { margin: 0; }
    table { border-collapse: collapse; width: 100%; }
    th, td { text-align: left; padding: 0.4rem 0.6rem; border-bottom: 1px solid #d0d4da; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
    .violated { color: #a4161a; font-weight: 600; }
    .error { color: #a4161a; }
  `;

  /** A new host comes with every redraw of the shell: the request is read again only when it is another one (or another user). */
  protected willUpdate(changed: PropertyValues<this>) {
    if (!changed.has('host') || !this.host) return;
    const shown = JSON.stringify([this.host.user.login, this.host.params.id]);
    if (shown !== this.shown) {
      this.shown = shown;
      this.request = undefined;
      void this.load();
    }
  }

  private async load() {
    this.error = undefined;
    try {
      const read = await fetchRequest(this.host, this.host.params.id);
      this.request = read.request;
      this.dossier = read.dossier;
      this.documents = read.documents;
    } catch (error) {
      this.error = problemMessage(this.host, error);
    }
  }

  render() {
    if (!this.host) return nothing;
    const t = this.host.t;
    const r = this.request;
    if (!r) {
      return this.error ? html`<p class="error" role="alert">${this.error}</p>` : html`<p role="status">${t('detail.loading')}</p>`;
    }
    const minutes = (n: number) => t('detail.minutes', { n });
    return html`
      <p><a href="#/${LIST_ROUTE}">${t('list.title')}</a></p>
      <h1>${r.number}</h1>
      <dl>
        <dt>${t('detail.abstract')}</dt><dd>${r.summary}</dd>
        <dt>${t('field.status')}</dt><dd>${r.status}</dd>
        <dt>${t('detail.priority')}</dt><dd>${r.priority ?? ''}</dd>
        <dt>${t('field.party')}</dt><dd><a href="#/parties/${r.partyId}">${r.partyId}</a></dd>
        <dt>${t('detail.owner')}</dt><dd>${r.ownerId ?? t('detail.none')}</dd>
        <dt>${t('detail.queue')}</dt><dd>${r.queueId ?? t('detail.none')}</dd>
        <dt>${t('field.createdAt')}</dt><dd>${this.host.formatDate(r.createdAt)}</dd>
      </dl>
      <h2>${t('detail.milestones')}</h2>
      ${r.milestones.length === 0 ? html`<p>${t('detail.noMilestone')}</p>` : html`<table aria-label=${t('detail.milestones')}>
        <thead><tr><th scope="col">${t('detail.milestone')}</th><th scope="col">${t('detail.state')}</th><th scope="col">${t('detail.target')}</th>
          <th scope="col" class="num">${t('detail.elapsed')}</th><th scope="col" class="num">${t('detail.remaining')}</th>
          <th scope="col">${t('detail.violated')}</th></tr></thead>
        <tbody>${r.milestones.map((m) => html`<tr>
          <td>${m.milestone}</td><td>${t(`state.${m.state}`)}</td><td>${this.host.formatDate(m.targetAt)}</td>
          <td class="num">${minutes(m.elapsedMinutes)}</td><td class="num">${minutes(m.remainingMinutes)}</td>
          <td class=${m.violated ? 'violated' : ''}>${t(m.violated ? 'detail.yes' : 'detail.no')}</td>
        </tr>`)}</tbody></table>`}
      <h2>${t('detail.elements')}</h2>
      ${KINDS.filter((kind) => (this.dossier[kind] ?? []).length > 0).map((kind) => html`
        <h3>${t(`kind.${kind}`)}</h3>
        <ul aria-label=${t(`kind.${kind}`)}>${(this.dossier[kind] ?? []).map((e) => html`<li>${e.label ? `${e.label} (${e.ref})` : e.ref}</li>`)}</ul>`)}
      <h2>${t('detail.documents')}</h2>
      ${this.documents.length === 0 ? html`<p>${t('detail.noDocument')}</p>` : html`<table aria-label=${t('detail.documents')}>
        <thead><tr><th scope="col">${t('detail.subject')}</th><th scope="col">${t('detail.kind')}</th><th scope="col">${t('detail.sendState')}</th>
          <th scope="col">${t('field.createdAt')}</th></tr></thead>
        <tbody>${this.documents.map((d) => html`<tr>
          <td>${d.subject ?? ''}</td><td>${t(`kind.${d.kind}`)}</td>
          <td title=${d.lastError ?? ''}>${d.sendState ? t(`send.${d.sendState}`) : ''}</td><td>${this.host.formatDate(d.createdAt)}</td>
        </tr>`)}</tbody></table>`}
    `;
  }
}
