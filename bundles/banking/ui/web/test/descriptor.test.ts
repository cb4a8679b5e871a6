/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descriptorFaults } from '@tessera/ui-host/testing';
import descriptor from '../public/tessera-ui.json';

const sources = readdirSync(new URL('../src', import.meta.url)).filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8')).join('\n');

describe('tessera-ui.json', () => {
  it('names this module and its entry, has messages in English and French for every key asked for, routes to elements the entry defines', () => {
    expect(descriptorFaults(descriptor, { module: 'banking', sources })).toEqual([]);
  });

  it('draws the section BankingOverviewSection answers', () => {
    expect(descriptor.overviewSections.map((s) => s.key)).toEqual(['banking']);
  });
});
