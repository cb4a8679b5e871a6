/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import descriptor from '../public/tessera-ui.json';
import { CATEGORIES } from '../src/model';

const sources = readdirSync(new URL('../src', import.meta.url)).filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8')).join('\n');

describe('tessera-ui.json', () => {
  const { en, fr } = descriptor.messages as Record<'en' | 'fr', Record<string, string>>;

  it('has every message in English and in French, with the same placeholders', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(en)) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('has a message for every key the element asks for, by name or by category and field', () => {
    const literal = [...sources.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]);
    const built = [...CATEGORIES.map((c) => `category.${c}`), ...['category', 'currency', 'amount', 'note'].map((f) => `field.${f}`)];
    const labels = descriptor.menu.map((entry) => entry.label);
    expect(literal.length).toBeGreaterThan(10);
    for (const key of [...literal, ...built, ...labels]) {
      expect(en, key).toHaveProperty([key]);
    }
  });

  it('routes under the module to the element the entry defines, behind the read permission', () => {
    const defined = [...sources.matchAll(/'(tessera-forecasting-[\w-]+)':/g)].map((m) => m[1]);
    for (const route of descriptor.routes) {
      expect(route.path.startsWith('forecasting/')).toBe(true);
      expect(defined).toContain(route.element);
    }
    expect(descriptor.menu[0].permission).toBe('forecasting.read');
    expect(descriptor.routes.map((r) => r.path)).toContain(descriptor.menu[0].route);
    expect(descriptor.entry).toBe('forecasting-ui.js');
    expect(descriptor.module).toBe('forecasting');
  });
});
