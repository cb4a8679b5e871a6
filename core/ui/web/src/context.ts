import type { ApiClient } from './api/client';
import type { ExtensionRegistry } from './extensions/registry';
import type { TesseraHost } from './host';
import type { Translator } from './i18n/i18n';
import type { Agent, CustomFieldDefinition, OrgUnit, Page, Picklist } from './model';

/** What the shell's own screens get: the module host, plus the shell's registries and reference data. */
export interface CoreHost extends TesseraHost {
  api: ApiClient;
  t: Translator;
  extensions: ExtensionRegistry;
  reference: ReferenceData;
  /** A picklist code's label: the shell's message `code.<picklist>.<CODE>`, else the picklist's own label, else the code. */
  codeLabel(picklist: string, code: string | undefined | null): string;
  /** Permission check like the server's (`*`, `sales.*`). */
  can(permission: string): boolean;
  /** The agent record of the user, when there is one (owner and assignee of what they record). */
  agentId?: string;
  /** A host for a module's element (its own messages first), or for another of the shell's screens. */
  hostFor(module: string | undefined, extra?: Partial<CoreHost>): CoreHost;
}

/** Reference data read once per session: picklists, org units, agents, custom field definitions. */
export class ReferenceData {
  private readonly cache = new Map<string, Promise<unknown>>();

  constructor(private readonly api: ApiClient) {}

  private once<T>(key: string, load: () => Promise<T>): Promise<T> {
    let found = this.cache.get(key) as Promise<T> | undefined;
    if (!found) {
      found = load().catch((error: unknown) => {
        this.cache.delete(key);
        throw error;
      });
      this.cache.set(key, found);
    }
    return found;
  }

  /** Drops what was read (after a module came or went, its picklist values may have too). */
  invalidate(): void {
    this.cache.clear();
  }

  picklists(): Promise<Map<string, Picklist>> {
    return this.once('picklists', async () => {
      const page = (await this.api.get<Page<Picklist>>('/picklists')).body;
      return new Map(page.items.map((picklist) => [picklist.key, picklist]));
    });
  }

  async picklistValues(key: string): Promise<Array<{ code: string; label: string }>> {
    const picklist = (await this.picklists()).get(key);
    return (picklist?.values ?? [])
      .filter((value) => value.active)
      .sort((a, b) => a.sortOrder - b.sortOrder)
      .map(({ code, label }) => ({ code, label }));
  }

  orgUnits(): Promise<OrgUnit[]> {
    return this.once('orgUnits', async () => (await this.api.get<Page<OrgUnit>>('/org-units')).body.items);
  }

  agents(): Promise<Agent[]> {
    return this.once('agents', async () => (await this.api.get<Page<Agent>>('/agents')).body.items);
  }

  customFields(entityType: string): Promise<CustomFieldDefinition[]> {
    return this.once(`customFields:${entityType}`, async () =>
      (await this.api.get<Page<CustomFieldDefinition>>('/custom-fields', { query: { entityType } })).body.items,
    );
  }
}
