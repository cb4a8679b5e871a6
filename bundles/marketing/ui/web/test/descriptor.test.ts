import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { descriptorFaults } from '@tessera/ui-host/testing';
import descriptor from '../public/tessera-ui.json';
import { ELEMENTS } from '../src/index';
import { MODULE } from '../src/names';

const sources = readdirSync(join(__dirname, '../src')).filter((f) => f.endsWith('.ts'))
  .map((f) => readFileSync(join(__dirname, '../src', f), 'utf8')).join('\n');

// What the core checks when the bundle starts (a descriptor with a fault is refused whole), checked
// here at build time, plus what only the sources know: the message keys the elements ask for.
describe('tessera-ui.json', () => {
  it('names this module, its entry, messages in English and French for every key asked for, and the elements the entry defines', () => {
    expect(descriptorFaults(descriptor, { module: MODULE, sources, elements: ELEMENTS })).toEqual([]);
  });
});
