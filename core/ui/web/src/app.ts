import { LitElement, html, css, nothing } from 'lit';
import { ApiClient } from './api/client';
import type { CoreHost } from './context';
import { ReferenceData } from './context';
import { ExtensionRegistry, allowed } from './extensions/registry';
import type { Locale, TesseraHost, TesseraUser } from './host';
import { detectLocale, LOCALE_KEY, translator, type Translator } from './i18n/i18n';
import en from './i18n/en.json';
import fr from './i18n/fr.json';
import { formatDate, formatMoney } from './format';
import { matchRoute, parseHash, toHash, type Location } from './router';
import type { Agent, OrgUnit } from './model';
import { isSearchShortcut } from './search/typeahead';
import { shared } from './styles';
import './components/mount';
import './components/login-form';
import './components/global-search';
import type { TesseraGlobalSearch } from './components/global-search';

/** The id of the main region's start in the document (outside the shell's shadow root). */
const SKIP_TARGET_ID = 'content';

const CORE_MESSAGES = { en, fr } as Record<Locale, Record<string, string>>;

interface CoreRoute {
  path: string;
  tag: string;
  load: () => Promise<unknown>;
  permission?: string;
}

/** The shell's own screens, each loaded the first time it is shown. */
const CORE_ROUTES: CoreRoute[] = [
  { path: '', tag: 'tessera-party-search', load: () => import('./screens/party-search') },
  { path: 'parties', tag: 'tessera-party-search', load: () => import('./screens/party-search') },
  { path: 'parties/new', tag: 'tessera-party-form', load: () => import('./screens/party-form'), permission: 'core.party.write' },
  { path: 'parties/:id', tag: 'tessera-party-view', load: () => import('./screens/party-view') },
  { path: 'parties/:id/edit', tag: 'tessera-party-form', load: () => import('./screens/party-form'), permission: 'core.party.write' },
  { path: 'activities/today', tag: 'tessera-activities-today', load: () => import('./screens/activities-today'), permission: 'core.activity.read' },
  { path: 'activities/:id', tag: 'tessera-activity-view', load: () => import('./screens/activity-view'), permission: 'core.activity.read' },
  { path: 'admin/modules', tag: 'tessera-module-manager', load: () => import('./screens/module-manager'), permission: 'core.module.read' },
];

interface CoreMenuEntry {
  route: string;
  label: string;
  permission?: string;
}

const CORE_MENU: CoreMenuEntry[] = [
  { route: 'parties', label: 'nav.parties', permission: 'core.party.read' },
  { route: 'parties/new', label: 'nav.newProspect', permission: 'core.party.write' },
  { route: 'activities/today', label: 'nav.activitiesToday', permission: 'core.activity.read' },
];
const ADMIN_MENU: CoreMenuEntry[] = [{ route: 'admin/modules', label: 'nav.modules', permission: 'core.module.read' }];

interface Toast {
  id: number;
  message: string;
  kind: 'info' | 'error';
}

/** What the main area shows for the current hash. */
type Resolved =
  | { kind: 'screen'; tag: string; params: Record<string, string>; module?: string }
  | { kind: 'forbidden' }
  | { kind: 'not-installed'; module?: string }
  | { kind: 'not-found' };

export class TesseraApp extends LitElement {
  static properties = {
    locale: { state: true },
    user: { state: true },
    agent: { state: true },
    orgUnit: { state: true },
    location: { state: true },
    revision: { state: true },
    toasts: { state: true },
    reauth: { state: true },
    booting: { state: true },
  };
  declare locale: Locale;
  declare user: TesseraUser | null;
  declare agent: Agent | null;
  declare orgUnit: OrgUnit | null;
  declare location: Location;
  declare revision: string | null;
  declare toasts: Toast[];
  /** Why the sign-in form shows over a session: `expiring`, `expired`, or '' when it does not. */
  declare reauth: string;
  declare booting: boolean;

  private readonly api = new ApiClient();
  private readonly extensions = new ExtensionRegistry(this.api, undefined, 1000, (module, error) =>
    console.error(`The UI of module ${module} failed to load`, error),
  );
  private reference = new ReferenceData(this.api);
  private t: Translator;
  private routeHost: TesseraHost | null = null;
  private resolved: Resolved = { kind: 'not-found' };
  private toastId = 0;

  constructor() {
    super();
    this.locale = detectLocale(localStorage.getItem(LOCALE_KEY), navigator.language);
    this.t = translator(CORE_MESSAGES, this.locale);
    this.user = null;
    this.agent = null;
    this.orgUnit = null;
    this.location = parseHash(location.hash);
    this.revision = null;
    this.toasts = [];
    this.reauth = '';
    this.booting = true;
  }

  static styles = [
    shared,
    css`
      :host { display: block; min-height: 100vh; }
      .skip { position: absolute; left: -999px; top: 0; background: #fff; padding: 0.5rem; z-index: 100; }
      .skip:focus { left: 0.5rem; top: 0.5rem; }
      header {
        display: flex; flex-wrap: wrap; align-items: center; gap: 0.75rem 1rem; padding: 0.6rem 1rem;
        background: #0b2e4f; color: #fff;
      }
      header a.brand { color: #fff; font-weight: 800; font-size: 1.25rem; text-decoration: none; letter-spacing: 0.02em; }
      header tessera-global-search { flex: 1 1 18rem; }
      .user { display: flex; flex-direction: column; font-size: 0.85rem; line-height: 1.25; }
      .user .who { font-weight: 700; }
      .user .scope { color: #d5e2f0; }
      header select { width: auto; min-height: 2rem; padding: 0.2rem 0.4rem; }
      header button.secondary { background: transparent; color: #fff; border-color: #fff; }
      header button.secondary:hover { background: #173f66; }
      .layout { display: grid; grid-template-columns: 14rem minmax(0, 1fr); min-height: calc(100vh - 3.5rem); }
      nav { background: #fff; border-right: 1px solid var(--border); padding: 1rem 0.5rem; }
      nav ul { list-style: none; margin: 0; padding: 0; }
      nav a { display: block; padding: 0.5rem 0.75rem; border-radius: 6px; text-decoration: none; color: var(--text); }
      nav a:hover { background: #eef3f9; }
      nav a[aria-current='page'] { background: #dbe8f7; color: #06335f; font-weight: 700; }
      nav .section { margin-top: 1rem; padding: 0 0.75rem 0.25rem; color: var(--muted); font-size: 0.8rem; text-transform: uppercase; font-weight: 700; }
      main { padding: 1.25rem; outline: none; min-width: 0; }
      .toasts { position: fixed; right: 1rem; bottom: 1rem; display: flex; flex-direction: column; gap: 0.5rem; z-index: 50; max-width: 26rem; }
      .toast { background: #1b1f24; color: #fff; padding: 0.6rem 0.9rem; border-radius: 6px; box-shadow: 0 4px 16px rgb(0 0 0 / 25%); }
      .toast.error { background: #8c1d18; }
      .overlay { position: fixed; inset: 0; background: rgb(11 46 79 / 70%); z-index: 60; overflow: auto; }
      @media (max-width: 900px) {
        .layout { grid-template-columns: 1fr; }
        nav { border-right: none; border-bottom: 1px solid var(--border); padding: 0.4rem; }
        nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem; }
        nav .section { display: none; }
        main { padding: 1rem 0.75rem; }
      }
    `,
  ];

  connectedCallback() {
    super.connectedCallback();
    this.ensureSkipTarget();
    document.documentElement.lang = this.locale;
    window.addEventListener('hashchange', this.onHashChange);
    window.addEventListener('keydown', this.onGlobalKeydown);
    this.api.addEventListener('session-lost', this.onSessionLost);
    this.api.addEventListener('session-expiring', this.onSessionExpiring);
    this.extensions.addEventListener('change', this.onExtensionsChange);
    if (this.api.restore()) void this.startSession();
    else this.booting = false;
  }

  disconnectedCallback() {
    super.disconnectedCallback();
    window.removeEventListener('hashchange', this.onHashChange);
    window.removeEventListener('keydown', this.onGlobalKeydown);
    this.extensions.stop();
  }

  private onHashChange = () => {
    this.location = parseHash(location.hash);
  };

  private onGlobalKeydown = (event: KeyboardEvent) => {
    if (!this.user || this.reauth) return;
    const origin = event.composedPath()[0] as HTMLElement | undefined;
    const typing = !!origin && (/^(INPUT|TEXTAREA|SELECT)$/.test(origin.tagName) || origin.isContentEditable);
    if (isSearchShortcut(event, typing)) {
      event.preventDefault();
      this.renderRoot.querySelector<TesseraGlobalSearch>('tessera-global-search')?.focus();
    }
  };

  private onSessionLost = () => {
    if (this.user) this.reauth = 'expired';
  };

  private onSessionExpiring = () => {
    if (this.user) this.reauth = 'expiring';
  };

  private onExtensionsChange = () => {
    this.revision = this.extensions.revision;
  };

  /** After a sign-in or a reload with a live token: who the user is, then the module UIs. */
  private async startSession() {
    try {
      const me = (await this.api.get<TesseraUser>('/auth/me')).body;
      this.reference = new ReferenceData(this.api);
      this.user = { login: me.login, roles: me.roles ?? [], permissions: me.permissions ?? [], orgUnitId: me.orgUnitId ?? undefined };
      this.reauth = '';
      void this.loadIdentity();
      this.extensions.start();
      await this.extensions.poll().catch(() => undefined);
      this.revision = this.extensions.revision;
    } catch {
      this.api.logout();
      this.user = null;
    } finally {
      this.booting = false;
    }
  }

  /** The user's agent record (display name, id as owner) and org unit (the perimeter shown). */
  private async loadIdentity() {
    const user = this.user;
    if (!user) return;
    const [agents, units] = await Promise.all([
      this.reference.agents().catch(() => [] as Agent[]),
      this.reference.orgUnits().catch(() => [] as OrgUnit[]),
    ]);
    this.agent = agents.find((agent) => agent.login === user.login) ?? null;
    this.orgUnit = units.find((unit) => unit.id === user.orgUnitId) ?? null;
  }

  private onSignedIn = async () => {
    if (this.user && this.reauth) {
      this.reauth = '';
      return;
    }
    await this.startSession();
  };

  private logout() {
    this.extensions.stop();
    this.api.logout();
    this.user = null;
    this.agent = null;
    this.orgUnit = null;
    this.reauth = '';
    this.routeHost = null;
  }

  private setLocale(locale: Locale) {
    this.locale = locale;
    localStorage.setItem(LOCALE_KEY, locale);
    document.documentElement.lang = locale;
  }

  navigate = (route: string) => {
    const hash = toHash(route);
    if (location.hash === hash) this.location = parseHash(hash);
    else location.hash = hash;
  };

  notify = (message: string, kind: 'info' | 'error' = 'info') => {
    const toast = { id: ++this.toastId, message, kind };
    this.toasts = [...this.toasts, toast];
    setTimeout(() => (this.toasts = this.toasts.filter((one) => one.id !== toast.id)), kind === 'error' ? 10_000 : 6_000);
  };

  private can(permission: string | undefined): boolean {
    return allowed(permission, this.user?.permissions ?? []);
  }

  /** A host for a module's element (or, with `module` undefined, for one of the shell's screens). */
  hostFor(module: string | undefined, extra: Partial<CoreHost> = {}): CoreHost {
    const locale = this.locale;
    const coreT = this.t;
    const messages = module ? this.extensions.module(module)?.messages ?? {} : {};
    const t = module ? translator(messages, locale, [coreT.lookup]) : coreT;
    const user = this.user ?? { login: '', roles: [], permissions: [] };
    const host: CoreHost = {
      api: this.api,
      locale,
      t,
      navigate: this.navigate,
      params: {},
      query: new URLSearchParams(),
      user,
      notify: this.notify,
      formatMoney: (amount, currency) => formatMoney(locale, amount, currency),
      formatDate: (iso, withTime) => formatDate(locale, iso, withTime),
      extensions: this.extensions,
      reference: this.reference,
      codeLabel: (picklist, code) => (code ? coreT.lookup(`code.${picklist}.${code}`) ?? code : ''),
      can: (permission) => this.can(permission),
      agentId: this.agent?.id,
      hostFor: (other, more) => this.hostFor(other, more),
      ...extra,
    };
    return host;
  }

  protected willUpdate(changed: Map<string, unknown>) {
    if (changed.has('locale')) this.t = translator(CORE_MESSAGES, this.locale);
    if (['location', 'locale', 'user', 'agent', 'revision'].some((key) => changed.has(key)) && this.user) {
      this.resolved = this.resolve(this.location.path);
      const resolved = this.resolved;
      this.routeHost =
        resolved.kind === 'screen'
          ? this.hostFor(resolved.module, { params: resolved.params, query: this.location.query })
          : null;
    }
  }

  private resolve(path: string): Resolved {
    const core = matchRoute(CORE_ROUTES, path);
    if (core) {
      if (!this.can(core.route.permission)) return { kind: 'forbidden' };
      void core.route.load();
      return { kind: 'screen', tag: core.route.tag, params: core.params };
    }
    const moduleRoute = matchRoute(this.extensions.routes(), path);
    if (moduleRoute) return { kind: 'screen', tag: moduleRoute.route.element, params: moduleRoute.params, module: moduleRoute.route.module };
    const former = matchRoute(
      this.extensions.formerRoutePatterns.map((pattern) => ({ path: pattern })),
      path,
    );
    if (former) return { kind: 'not-installed', module: this.extensions.formerModuleOf(former.route.path) };
    // no core screen lives outside these first segments: anything else can only be a module's
    return ['parties', 'activities', 'admin', ''].includes(path.split('/')[0]) ? { kind: 'not-found' } : { kind: 'not-installed' };
  }

  render() {
    const t = this.t;
    if (this.booting) return html`<p class="muted" style="padding:2rem">${t('app.loading')}</p>`;
    if (!this.user) {
      return html`<main id="main"><tessera-login .api=${this.api} .t=${t} @signed-in=${this.onSignedIn}></tessera-login></main>`;
    }
    return html`
      <a class="skip" href="#${SKIP_TARGET_ID}" @click=${this.skipToContent}>${t('app.skip')}</a>
      <header>
        <a class="brand" href="#/">Tessera</a>
        <tessera-global-search .api=${this.api} .t=${t} @navigate=${(event: CustomEvent) => this.navigate(event.detail.route)}></tessera-global-search>
        <div class="user" data-testid="current-user">
          <span class="who">${this.agent?.displayName ?? this.user.login}</span>
          <span class="scope">${this.user.login} · ${this.user.roles.map((role) => t.lookup(`role.${role}`) ?? role).join(', ')}</span>
          <span class="scope">${t('app.perimeter')}: ${this.orgUnit?.name ?? (this.user.orgUnitId ? this.user.orgUnitId : t('app.noPerimeter'))}</span>
        </div>
        <select aria-label=${t('app.language')} @change=${(event: Event) => this.setLocale((event.target as HTMLSelectElement).value as Locale)}>
          <option value="en" ?selected=${this.locale === 'en'} lang="en">English</option>
          <option value="fr" ?selected=${this.locale === 'fr'} lang="fr">Français</option>
        </select>
        <button class="secondary" @click=${this.logout}>${t('app.logout')}</button>
      </header>
      <div class="layout">
        ${this.renderNav()}
        <main id="main" tabindex="-1"><slot name="skip-target"></slot>${this.renderMain()}</main>
      </div>
      <div class="toasts" aria-live="polite">
        ${this.toasts.map((toast) => html`<div class="toast ${toast.kind}" role=${toast.kind === 'error' ? 'alert' : 'status'}>${toast.message}</div>`)}
      </div>
      ${this.reauth
        ? html`<div class="overlay" role="dialog" aria-modal="true" aria-label=${t('login.title')}>
            <tessera-login .api=${this.api} .t=${t} .login=${this.user.login} .reason=${this.reauth} @signed-in=${this.onSignedIn}></tessera-login>
          </div>`
        : nothing}
    `;
  }

  /**
   * The skip link's target as the document sees it: a fragment (and the audits reading it) finds
   * ids in the document only, never in a shadow root, so the main region starts with a light-DOM
   * anchor slotted into it.
   */
  private ensureSkipTarget() {
    if (this.ownerDocument.getElementById(SKIP_TARGET_ID)) return;
    const anchor = this.ownerDocument.createElement('span');
    anchor.id = SKIP_TARGET_ID;
    anchor.slot = 'skip-target';
    anchor.tabIndex = -1;
    this.append(anchor);
  }

  private skipToContent(event: Event) {
    event.preventDefault();
    this.renderRoot.querySelector<HTMLElement>('main')?.focus();
  }

  private renderNav() {
    const t = this.t;
    const path = this.location.path;
    const link = (route: string, label: string, module?: string) => html`<li>
      <a href=${toHash(route)} data-module=${module ?? 'core'} aria-current=${path === route || (route === 'parties' && path === '') ? 'page' : 'false'}>${label}</a>
    </li>`;
    const moduleEntries = this.extensions.menu(this.user?.permissions ?? []);
    const admin = ADMIN_MENU.filter((entry) => this.can(entry.permission));
    return html`<nav aria-label=${t('nav.main')}>
      <ul>
        ${CORE_MENU.filter((entry) => this.can(entry.permission)).map((entry) => link(entry.route, t(entry.label)))}
      </ul>
      ${moduleEntries.length
        ? html`<div class="section" aria-hidden="true">${t('nav.modulesSection')}</div>
            <ul>
              ${moduleEntries.map((entry) => {
                const messages = this.extensions.module(entry.module)?.messages ?? {};
                return link(entry.route, translator(messages, this.locale, [this.t.lookup])(entry.label), entry.module);
              })}
            </ul>`
        : nothing}
      ${admin.length
        ? html`<div class="section" aria-hidden="true">${t('nav.adminSection')}</div>
            <ul>${admin.map((entry) => link(entry.route, t(entry.label)))}</ul>`
        : nothing}
    </nav>`;
  }

  private renderMain() {
    const t = this.t;
    const resolved = this.resolved;
    switch (resolved.kind) {
      case 'screen':
        return html`<tessera-mount .host=${this.routeHost} .tag=${resolved.tag} data-module=${resolved.module ?? 'core'}></tessera-mount>`;
      case 'forbidden':
        return html`<h1>${t('app.forbidden.title')}</h1><p>${t('app.forbidden.text')}</p>`;
      case 'not-installed':
        return html`<div role="alert" data-testid="module-not-installed">
          <h1>${t('app.notInstalled.title')}</h1>
          <p>${resolved.module ? t('app.notInstalled.module', { module: resolved.module }) : t('app.notInstalled.text')}</p>
          <p><a href="#/">${t('app.home')}</a></p>
        </div>`;
      case 'not-found':
        return html`<h1>${t('app.notFound.title')}</h1><p><a href="#/">${t('app.home')}</a></p>`;
    }
  }
}

customElements.define('tessera-app', TesseraApp);
