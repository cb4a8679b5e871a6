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

  it('has a message for every key the elements ask for, literal or by status, role, frequency and move', () => {
    const literal = [...sources.matchAll(/\bt\('([\w.]+)'/g)].map((m) => m[1]);
    const labels = descriptor.menu.map((entry) => entry.label);
    const dynamic = [
      ...['QUOTE', 'IN_FORCE', 'LAPSED', 'CANCELLED', 'REINSTATED', 'RENEWED', 'EXPIRED'].map((s) => `status.${s}`),
      ...['REPORTED', 'UNDER_ASSESSMENT', 'APPROVED', 'DENIED', 'PAID', 'CLOSED', 'REOPENED'].flatMap((s) => [`claimStatus.${s}`, `move.${s}`]),
      ...['POLICYHOLDER', 'INSURED', 'BENEFICIARY', 'PAYER', 'DRIVER'].map((r) => `role.${r}`),
      ...['MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL'].map((f) => `frequency.${f}`),
    ];
    for (const key of [...literal, ...labels, ...dynamic]) {
      expect(en, key).toHaveProperty([key]);
    }
  });

  it('routes to elements the entry defines, under the module, and names the section the OverviewContributor answers', () => {
    const defined = [...sources.matchAll(/'(tessera-insurance-[\w-]+)':/g)].map((m) => m[1]);
    for (const route of descriptor.routes) {
      expect(defined).toContain(route.element);
      expect(route.path.startsWith('insurance/')).toBe(true);
    }
    expect(descriptor.overviewSections).toEqual([{ key: 'policies', element: 'tessera-insurance-section' }]);
    expect(defined).toContain('tessera-insurance-section');
    expect(descriptor.entry).toBe('insurance-ui.js');
    expect(descriptor.module).toBe('insurance');
  });
});
