import type { TesseraApiClient, UiExtension, UiExtensions, UiMenuEntry, UiPartyAction, UiRoute } from '../host';

export type EntryImporter = (url: string) => Promise<unknown>;

export interface ModuleRoute extends UiRoute {
  module: string;
}

/**
 * The module UIs of the server, kept current by polling `GET /v1/ui/extensions` with
 * If-None-Match (a 304 costs nothing). Each module's entry is imported once per URL: a module
 * updated gets a new URL (its `?v=`), so its new code loads; one that leaves simply stops being
 * offered (its custom elements stay defined, unused, until a reload).
 *
 * Dispatches `change` whenever the set of modules (the revision) changes.
 */
export class ExtensionRegistry extends EventTarget {
  private current: UiExtension[] = [];
  private currentRevision: string | null = null;
  private currentEtag: string | undefined;
  private readonly loads = new Map<string, Promise<void>>();
  private readonly formerRoutes = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running = false;
  private polling: Promise<void> | null = null;
  /** The server has no UI extension endpoint (404): there are no module UIs to show. */
  unavailable = false;

  constructor(
    private readonly api: TesseraApiClient,
    private readonly importer: EntryImporter = (url) => import(/* @vite-ignore */ url),
    private readonly intervalMs = 1000,
    private readonly onLoadError: (module: string, error: unknown) => void = () => {},
  ) {
    super();
  }

  get extensions(): readonly UiExtension[] {
    return this.current;
  }

  get revision(): string | null {
    return this.currentRevision;
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    void this.tick();
  }

  stop(): void {
    this.running = false;
    clearTimeout(this.timer);
  }

  private async tick(): Promise<void> {
    try {
      await this.poll();
    } catch {
      // a failed poll (network, server restarting) changes nothing; the next one will tell
    }
    // a server without module UIs (no endpoint) is asked again only now and then
    if (this.running) this.timer = setTimeout(() => void this.tick(), this.unavailable ? this.intervalMs * 30 : this.intervalMs);
  }

  /** One poll; concurrent callers share it. Resolves once the modules' entries have loaded. */
  poll(): Promise<void> {
    this.polling ??= this.fetchOnce().finally(() => (this.polling = null));
    return this.polling;
  }

  private async fetchOnce(): Promise<void> {
    const headers: Record<string, string> = {};
    if (this.currentRevision !== null) headers['If-None-Match'] = this.currentEtag ?? quoteEtag(this.currentRevision);
    let answer;
    try {
      answer = await this.api.get<UiExtensions>('/ui/extensions', { headers });
    } catch (error) {
      if ((error as { status?: number }).status === 404) {
        this.unavailable = true;
        this.apply({ items: [], revision: 'none' });
        return;
      }
      throw error;
    }
    this.unavailable = false;
    if (answer.status === 304 || !answer.body) return;
    const revision = answer.body.revision ?? unquoteEtag(answer.etag) ?? '';
    this.currentEtag = answer.etag;
    if (revision === this.currentRevision) return;
    const items = (answer.body.items ?? []).filter((item) => item.state === undefined || item.state === 'ACTIVE');
    await Promise.all(items.map((item) => this.load(item)));
    this.apply({ items, revision });
  }

  private apply(extensions: UiExtensions): void {
    for (const extension of this.current) {
      for (const route of extension.routes ?? []) this.formerRoutes.set(route.path, extension.module);
    }
    const changed = extensions.revision !== this.currentRevision;
    this.current = extensions.items.map(normalize);
    this.currentRevision = extensions.revision;
    if (changed) this.dispatchEvent(new CustomEvent('change', { detail: { revision: extensions.revision } }));
  }

  /** Imports a module's entry once per URL; a failure is reported and retried at the next change. */
  private load(extension: UiExtension): Promise<void> {
    const url = extension.entry;
    if (!url) return Promise.resolve();
    let loading = this.loads.get(url);
    if (!loading) {
      loading = this.importer(url).then(
        () => undefined,
        (error: unknown) => {
          this.loads.delete(url);
          this.onLoadError(extension.module, error);
        },
      );
      this.loads.set(url, loading);
    }
    return loading;
  }

  has(module: string): boolean {
    return this.current.some((extension) => extension.module === module);
  }

  module(module: string): UiExtension | undefined {
    return this.current.find((extension) => extension.module === module);
  }

  menu(permissions: readonly string[]): Array<UiMenuEntry & { module: string }> {
    return this.current
      .flatMap((extension) => (extension.menu ?? []).map((entry) => ({ ...entry, module: extension.module })))
      .filter((entry) => allowed(entry.permission, permissions))
      .sort((a, b) => (a.order ?? 100) - (b.order ?? 100) || a.id.localeCompare(b.id));
  }

  routes(): ModuleRoute[] {
    return this.current.flatMap((extension) => (extension.routes ?? []).map((route) => ({ ...route, module: extension.module })));
  }

  /** The custom element a module gives for one of its overview sections, if any. */
  sectionElement(module: string, key: string): string | undefined {
    return this.module(module)?.overviewSections?.find((section) => section.key === key)?.element;
  }

  partyActions(permissions: readonly string[]): Array<UiPartyAction & { module: string }> {
    return this.current
      .flatMap((extension) => (extension.partyActions ?? []).map((action) => ({ ...action, module: extension.module })))
      .filter((action) => allowed(action.permission, permissions));
  }

  /** The module whose route `pattern` was, when that module has left since. */
  formerModuleOf(pattern: string): string | undefined {
    return this.has(this.formerRoutes.get(pattern) ?? '') ? undefined : this.formerRoutes.get(pattern);
  }

  get formerRoutePatterns(): string[] {
    return [...this.formerRoutes.keys()];
  }
}

function normalize(extension: UiExtension): UiExtension {
  return {
    ...extension,
    messages: extension.messages ?? {},
    menu: extension.menu ?? [],
    routes: extension.routes ?? [],
    overviewSections: extension.overviewSections ?? [],
    partyActions: extension.partyActions ?? [],
  };
}

/** A permission check as the server makes it: `*` every permission, `sales.*` every one of a module. */
export function allowed(permission: string | undefined, permissions: readonly string[]): boolean {
  if (!permission) return true;
  return permissions.some(
    (held) => held === '*' || held === permission || (held.endsWith('.*') && permission.startsWith(held.slice(0, -1))),
  );
}

function quoteEtag(revision: string): string {
  return revision.startsWith('"') || revision.startsWith('W/') ? revision : `"${revision}"`;
}

function unquoteEtag(etag: string | undefined): string | undefined {
  return etag?.replace(/^W\//, '').replace(/^"|"$/g, '');
}
