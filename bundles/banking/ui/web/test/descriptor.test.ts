/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import descriptor from '../public/tessera-ui.json';

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

  it('has a message for every key the elements ask for by name, and for every label it declares', () => {
    const literal = [...sources.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]);
    const labels = [...descriptor.menu, ...descriptor.partyActions].map((entry) => entry.label);
    for (const key of [...literal, ...labels]) {
      expect(en, key).toHaveProperty([key]);
    }
  });

  it('routes under the module to elements the entry defines, and draws the section BankingOverviewSection answers', () => {
    const defined = [...sources.matchAll(/'(tessera-banking-[\w-]+)':/g)].map((m) => m[1]);
    for (const route of descriptor.routes) {
      expect(route.path.startsWith('banking/'), route.path).toBe(true);
      expect(defined).toContain(route.element);
    }
    expect(defined).toContain(descriptor.overviewSections[0].element);
    expect(descriptor.overviewSections.map((s) => s.key)).toEqual(['banking']);
    expect(descriptor.entry).toBe('banking-ui.js');
    expect(descriptor.module).toBe('banking');
  });
});
