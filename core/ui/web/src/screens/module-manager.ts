import { html, css, nothing } from 'lit';
import { Screen } from './screen';
import type { Module, Page } from '../model';
import { shared } from '../styles';

const KNOWN_KEY = 'tessera.modules.known';

type Pending = { module: string; operation: 'install' | 'update' | 'uninstall' | 'purge' } | null;

/**
 * The module manager (`#/admin/modules`): installed modules with version, state, schema version and
 * permissions; install, update, uninstall, and purge (typing the module's name to confirm).
 * The API lists installed modules only: the ones seen here before and now gone are remembered in
 * this browser, so that they can be installed again or purged with a click.
 */
export class TesseraModuleManager extends Screen {
  static properties = {
    ...Screen.properties,
    modules: { state: true },
    known: { state: true },
    loading: { state: true },
    error: { state: true },
    busy: { state: true },
    confirming: { state: true },
    confirmText: { state: true },
  };
  declare modules: Module[];
  declare known: string[];
  declare loading: boolean;
  declare error: string;
  declare busy: string;
  declare confirming: Pending;
  declare confirmText: string;

  constructor() {
    super();
    this.modules = [];
    this.known = JSON.parse(localStorage.getItem(KNOWN_KEY) ?? '[]') as string[];
    this.loading = false;
    this.error = '';
    this.busy = '';
    this.confirming = null;
    this.confirmText = '';
  }

  static styles = [
    shared,
    css`
      .perms { max-width: 28rem; }
      details summary { cursor: pointer; color: var(--accent); }
      .confirm { border: 2px solid var(--error); background: #fdf1f0; border-radius: 8px; padding: 1rem; margin: 1rem 0; }
      .state-ACTIVE { color: var(--ok); font-weight: 700; }
      .table-wrap { overflow-x: auto; }
    `,
  ];

  private get isAdmin(): boolean {
    return this.host.can('core.module.admin');
  }

  protected async load() {
    this.loading = true;
    this.error = '';
    try {
      this.modules = (await this.host.api.get<Page<Module>>('/modules')).body.items;
      this.remember(this.modules.map((m) => m.name).filter((name) => name !== 'core'));
    } catch (error) {
      this.error = this.describe(error);
    } finally {
      this.loading = false;
    }
  }

  private remember(names: string[]) {
    this.known = [...new Set([...this.known, ...names])].sort();
    localStorage.setItem(KNOWN_KEY, JSON.stringify(this.known));
  }

  private forget(name: string) {
    this.known = this.known.filter((one) => one !== name);
    localStorage.setItem(KNOWN_KEY, JSON.stringify(this.known));
  }

  private async run(module: string, operation: 'install' | 'update' | 'uninstall' | 'purge') {
    this.busy = `${operation}:${module}`;
    try {
      const name = encodeURIComponent(module);
      if (operation === 'purge') await this.host.api.post(`/modules/${name}/purge`, { confirm: module });
      else await this.host.api.post(`/modules/${name}/${operation}`, {});
      if (operation === 'install') this.remember([module]);
      if (operation === 'purge') this.forget(module);
      this.host.notify(this.t(`modules.done.${operation}`, { module }));
      this.confirming = null;
      this.confirmText = '';
      await this.load();
      // the module's UI follows: the registry polls; ask now so that the menu changes at once
      void this.host.extensions.poll().catch(() => undefined);
      this.host.reference.invalidate();
    } catch (error) {
      this.host.notify(this.t('modules.failed', { module, reason: this.describe(error) }), 'error');
    } finally {
      this.busy = '';
    }
  }

  private ask(module: string, operation: 'uninstall' | 'purge') {
    this.confirming = { module, operation };
    this.confirmText = '';
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLInputElement>('#confirm-name')?.focus());
  }

  render() {
    const t = this.t;
    const installed = new Set(this.modules.map((m) => m.name));
    const available = this.known.filter((name) => !installed.has(name));
    return html`
      <h1>${t('modules.title')}</h1>
      ${this.error ? html`<div class="error-box" role="alert">${this.error}</div>` : nothing}
      ${this.confirming ? this.renderConfirm(this.confirming) : nothing}
      <h2>${t('modules.installed')}</h2>
      <div class="table-wrap">
        <table aria-label=${t('modules.installed')} aria-busy=${this.loading ? 'true' : 'false'}>
          <thead><tr>
            <th>${t('modules.name')}</th><th>${t('modules.version')}</th><th>${t('modules.state')}</th><th>${t('modules.schema')}</th>
            <th>${t('modules.permissions')}</th>${this.isAdmin ? html`<th>${t('modules.actions')}</th>` : nothing}
          </tr></thead>
          <tbody>
            ${this.modules.map((m) => html`<tr data-module-row=${m.name}>
              <th scope="row">${m.name}${m.feature ? html`<div class="muted" style="font-weight:400">${m.feature}</div>` : nothing}</th>
              <td>${m.version}</td>
              <td class="state-${m.state}">${t.lookup(`modules.stateName.${m.state}`) ?? m.state}</td>
              <td>${m.schemaVersion ?? '—'}</td>
              <td class="perms">${m.permissions.length
                ? html`<details><summary>${t('modules.permissionCount', { count: m.permissions.length })}</summary>
                    <ul>${m.permissions.map((p) => html`<li><code>${p}</code></li>`)}</ul></details>`
                : '—'}</td>
              ${this.isAdmin
                ? html`<td><div class="actions">${m.name === 'core'
                    ? html`<span class="muted">${t('modules.coreFixed')}</span>`
                    : html`<button class="secondary" ?disabled=${!!this.busy} @click=${() => this.run(m.name, 'update')} aria-label=${t('modules.updateNamed', { module: m.name })}>${t('modules.update')}</button>
                        <button class="danger" ?disabled=${!!this.busy} @click=${() => this.ask(m.name, 'uninstall')} aria-label=${t('modules.uninstallNamed', { module: m.name })}>${t('modules.uninstall')}</button>`}</div></td>`
                : nothing}
            </tr>`)}
          </tbody>
        </table>
      </div>
      ${this.busy ? html`<p role="status" class="muted">${t('modules.working')}</p>` : nothing}
      ${this.isAdmin ? this.renderAvailable(available) : nothing}
    `;
  }

  private renderAvailable(available: string[]) {
    const t = this.t;
    return html`
      <h2 style="margin-top:1.5rem">${t('modules.available')}</h2>
      <p class="hint">${t('modules.availableHint')}</p>
      ${available.length
        ? html`<table aria-label=${t('modules.available')}>
            <thead><tr><th>${t('modules.name')}</th><th>${t('modules.actions')}</th></tr></thead>
            <tbody>${available.map((name) => html`<tr data-module-row=${name}>
              <th scope="row">${name}</th>
              <td><div class="actions">
                <button ?disabled=${!!this.busy} @click=${() => this.run(name, 'install')} aria-label=${t('modules.installNamed', { module: name })}>${t('modules.install')}</button>
                <button class="danger" ?disabled=${!!this.busy} @click=${() => this.ask(name, 'purge')} aria-label=${t('modules.purgeNamed', { module: name })}>${t('modules.purge')}</button>
              </div></td>
            </tr>`)}</tbody>
          </table>`
        : html`<p class="muted">${t('modules.noneAvailable')}</p>`}
      <form class="card" style="margin-top:1rem" @submit=${(e: SubmitEvent) => {
        e.preventDefault();
        const input = (e.target as HTMLFormElement).elements.namedItem('module') as HTMLInputElement;
        const name = input.value.trim();
        if (name) void this.run(name, 'install').then(() => (input.value = ''));
      }}>
        <div class="row">
          <div class="field"><label for="install-name">${t('modules.installByName')}</label>
            <input id="install-name" name="module" pattern="[a-z][a-z0-9-]*" autocomplete="off" /></div>
          <div class="field" style="flex:0 0 auto"><button type="submit" ?disabled=${!!this.busy}>${t('modules.install')}</button></div>
        </div>
      </form>
    `;
  }

  private renderConfirm(pending: NonNullable<Pending>) {
    const t = this.t;
    const { module, operation } = pending;
    const matches = this.confirmText.trim() === module;
    return html`<section class="confirm" role="alertdialog" aria-labelledby="confirm-title" aria-describedby="confirm-text">
      <h2 id="confirm-title">${t(`modules.confirm.${operation}.title`, { module })}</h2>
      <p id="confirm-text">${t(`modules.confirm.${operation}.text`, { module })}</p>
      <form @submit=${(e: SubmitEvent) => { e.preventDefault(); if (matches) void this.run(module, operation); }}>
        <div class="field">
          <label for="confirm-name">${t('modules.confirm.type', { module })}</label>
          <input id="confirm-name" autocomplete="off" .value=${this.confirmText} @input=${(e: Event) => (this.confirmText = (e.target as HTMLInputElement).value)} />
        </div>
        <div class="actions">
          <button type="submit" class="danger" ?disabled=${!matches || !!this.busy}>${t(`modules.${operation}`)}</button>
          <button type="button" class="secondary" @click=${() => (this.confirming = null)}>${t('common.cancel')}</button>
        </div>
      </form>
    </section>`;
  }
}

customElements.define('tessera-module-manager', TesseraModuleManager);
