/// <reference types="node" />
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { descriptorFaults } from '@tessera/ui-host/testing';
import descriptor from '../public/tessera-ui.json';

const sources = readdirSync(new URL('../src', import.meta.url)).filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(new URL(`../src/${f}`, import.meta.url), 'utf8')).join('\n');

// the keys the elements build from a policy's status, a claim's status and its next moves, a role, a frequency
const BUILT_KEYS = [
  ...['QUOTE', 'IN_FORCE', 'LAPSED', 'CANCELLED', 'REINSTATED', 'RENEWED', 'EXPIRED'].map((s) => `status.${s}`),
  ...['REPORTED', 'UNDER_ASSESSMENT', 'APPROVED', 'DENIED', 'PAID', 'CLOSED', 'REOPENED'].flatMap((s) => [`claimStatus.${s}`, `move.${s}`]),
  ...['POLICYHOLDER', 'INSURED', 'BENEFICIARY', 'PAYER', 'DRIVER'].map((r) => `role.${r}`),
  ...['MONTHLY', 'QUARTERLY', 'SEMI_ANNUAL', 'ANNUAL'].map((f) => `frequency.${f}`),
];

describe('tessera-ui.json', () => {
  it('names this module and its entry, has messages in English and French for every key asked for, literal or by status, role, frequency and move, routes to elements the entry defines', () => {
    expect(descriptorFaults(descriptor, { module: 'insurance', sources, builtKeys: BUILT_KEYS })).toEqual([]);
  });

  it('names the section the OverviewContributor answers', () => {
    expect(descriptor.overviewSections).toEqual([{ key: 'policies', element: 'tessera-insurance-section' }]);
  });
});
