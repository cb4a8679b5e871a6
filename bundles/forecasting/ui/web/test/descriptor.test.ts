/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descriptorFaults, messageKeys } from '@tessera/ui-host/testing';
import descriptor from '../public/tessera-ui.json';
import { CATEGORIES } from '../src/model';

const sources = readdirSync(new URL('../src', import.meta.url)).filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8')).join('\n');

describe('tessera-ui.json', () => {
  it('names this module and its entry, has messages in English and French for every key asked for, by name or by category and field, routes to the element the entry defines', () => {
    const built = [...CATEGORIES.map((c) => `category.${c}`), ...['category', 'currency', 'amount', 'note'].map((f) => `field.${f}`)];
    expect(messageKeys(sources).length).toBeGreaterThan(10);
    expect(descriptorFaults(descriptor, { module: 'forecasting', sources, builtKeys: built })).toEqual([]);
  });

  it('shows the worksheet behind the read permission', () => {
    expect(descriptor.menu[0].permission).toBe('forecasting.read');
  });
});
