import { describe, expect, it, vi } from 'vitest';
import { ExtensionRegistry, allowed } from '../src/extensions/registry';
import { ApiProblem } from '../src/api/problem';
import type { ApiResponse, TesseraApiClient, UiExtension, UiExtensions } from '../src/host';

const sales: UiExtension = {
  module: 'sales', version: '0.1.0', state: 'ACTIVE', entry: '/tessera/ui/sales/sales-ui.js?v=1', base: '/tessera/ui/sales/',
  messages: { en: { 'menu.pipeline': 'Pipeline' } },
  menu: [{ id: 'sales.pipeline', label: 'menu.pipeline', route: 'sales/pipeline', permission: 'sales.opportunity.read', order: 20 }],
  routes: [{ path: 'sales/pipeline', element: 'tessera-sales-pipeline' }],
  overviewSections: [{ key: 'opportunities', element: 'tessera-sales-overview' }],
  partyActions: [{ id: 'a', label: 'x', route: 'sales/opportunities/new?accountId={partyId}', permission: 'sales.opportunity.write' }],
};

function fakeApi(answers: Array<ApiResponse<UiExtensions> | ApiProblem>) {
  const seen: Array<Record<string, string> | undefined> = [];
  const api = {
    get: vi.fn(async (_path: string, opts?: { headers?: Record<string, string> }) => {
      seen.push(opts?.headers);
      const next = answers.shift()!;
      if (next instanceof ApiProblem) throw next;
      return next;
    }),
  } as unknown as TesseraApiClient;
  return { api, seen };
}

const ok = (items: UiExtension[], revision: string): ApiResponse<UiExtensions> => ({ status: 200, body: { items, revision }, etag: `"${revision}"`, headers: new Headers() });
const notModified: ApiResponse<UiExtensions> = { status: 304, body: undefined as never, headers: new Headers() };

describe('module UIs', () => {
  it('loads each entry once, follows the revision with If-None-Match, and forgets a module that left', async () => {
    const { api, seen } = fakeApi([ok([sales], 'r1'), notModified, ok([], 'r2'), ok([sales], 'r3')]);
    const importer = vi.fn(async () => ({}));
    const registry = new ExtensionRegistry(api, importer);
    const changes = vi.fn();
    registry.addEventListener('change', changes);

    await registry.poll();
    expect(registry.has('sales')).toBe(true);
    expect(registry.menu(['sales.*']).map((m) => m.route)).toEqual(['sales/pipeline']);
    expect(registry.menu(['core.party.read'])).toEqual([]);
    expect(registry.sectionElement('sales', 'opportunities')).toBe('tessera-sales-overview');

    await registry.poll();
    expect(seen[1]).toEqual({ 'If-None-Match': '"r1"' });
    expect(changes).toHaveBeenCalledTimes(1);

    await registry.poll();
    expect(registry.has('sales')).toBe(false);
    expect(registry.routes()).toEqual([]);
    expect(registry.formerModuleOf('sales/pipeline')).toBe('sales');

    await registry.poll();
    expect(registry.has('sales')).toBe(true);
    expect(registry.formerModuleOf('sales/pipeline')).toBeUndefined();
    expect(importer).toHaveBeenCalledTimes(1);
    expect(changes).toHaveBeenCalledTimes(3);
  });

  it('reports an entry that fails and tries it again at the next change', async () => {
    const { api } = fakeApi([ok([sales], 'r1'), ok([sales], 'r2')]);
    const importer = vi.fn().mockRejectedValueOnce(new Error('boom')).mockResolvedValueOnce({});
    const failures = vi.fn();
    const registry = new ExtensionRegistry(api, importer, 1000, failures);
    await registry.poll();
    expect(failures).toHaveBeenCalledWith('sales', expect.any(Error));
    await registry.poll();
    expect(importer).toHaveBeenCalledTimes(2);
  });

  it('treats a server without the endpoint as having no module UI', async () => {
    const { api } = fakeApi([new ApiProblem(404, { title: 'Not Found' })]);
    const registry = new ExtensionRegistry(api, vi.fn());
    await registry.poll();
    expect(registry.unavailable).toBe(true);
    expect(registry.extensions).toEqual([]);
  });

  it('checks permissions as the server does', () => {
    expect(allowed(undefined, [])).toBe(true);
    expect(allowed('sales.opportunity.read', ['*'])).toBe(true);
    expect(allowed('sales.opportunity.read', ['sales.*'])).toBe(true);
    expect(allowed('sales.opportunity.read', ['salesx.*', 'core.party.read'])).toBe(false);
  });
});
