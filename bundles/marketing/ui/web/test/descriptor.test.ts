import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import descriptor from '../public/tessera-ui.json';
import { ELEMENTS } from '../src/index';
import { MODULE } from '../src/names';

// What the core checks when the bundle starts (a descriptor with a fault is refused whole), checked
// here at build time, plus what only the sources know: the message keys the elements ask for.
describe('tessera-ui.json', () => {
  const en = descriptor.messages.en as Record<string, string>;
  const fr = descriptor.messages.fr as Record<string, string>;

  it('names this module and the entry the build writes', () => {
    expect(descriptor.module).toBe(MODULE);
    expect(descriptor.entry).toBe(`${MODULE}-ui.js`);
  });

  it('has the same messages in English and French, none empty', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    for (const text of [...Object.values(en), ...Object.values(fr)]) {
      expect(text.trim()).not.toBe('');
    }
  });

  it('has a message for every label and for every key the elements ask for', () => {
    const sources = readdirSync(join(__dirname, '../src')).filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(__dirname, '../src', f), 'utf8')).join('\n');
    const used = [...sources.matchAll(/\bt\('([^']+)'/g)].map((m) => m[1]);
    const labels = [...descriptor.menu, ...((descriptor as { partyActions?: { label: string }[] }).partyActions ?? [])]
      .map((item) => item.label);
    expect(used.length).toBeGreaterThan(0);
    for (const key of [...used, ...labels]) {
      expect(en, key).toHaveProperty([key]);
      expect(fr, key).toHaveProperty([key]);
    }
  });

  it("declares routes under the module's own, and only elements the entry defines", () => {
    for (const route of descriptor.routes) {
      expect(route.path.startsWith(`${MODULE}/`)).toBe(true);
    }
    for (const item of descriptor.menu) {
      expect(descriptor.routes.map((r) => r.path)).toContain(item.route);
    }
    const declared = [...descriptor.routes, ...descriptor.overviewSections].map((d) => d.element).sort();
    expect(declared).toEqual(Object.keys(ELEMENTS).sort());
    for (const tag of declared) {
      expect(customElements.get(tag)).toBe(ELEMENTS[tag]);
    }
  });
});
