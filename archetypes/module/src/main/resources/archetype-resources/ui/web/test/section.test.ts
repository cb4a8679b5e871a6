import { afterEach, describe, expect, it } from 'vitest';
import { fakeHost } from '@tessera/ui-host/testing';
import '../src/index';
import { LIST_ROUTE, SECTION_ELEMENT } from '../src/names';
import type { RecordsSection } from '../src/section';

async function mount(section: unknown): Promise<RecordsSection> {
  const element = document.createElement(SECTION_ELEMENT) as RecordsSection;
  element.host = fakeHost([], { partyId: '12', section }).host;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

describe("the section of the party's 360° page", () => {
  afterEach(() => document.body.replaceChildren());

  it('shows the count, the latest records and a link to all of the party', async () => {
    const element = await mount({
      status: 'OK',
      figures: [{ key: 'count', label: 'Records', value: 7 }],
      items: [{ id: 'x-3', title: 'Third', subtitle: 'the latest', at: '2026-03-01T08:00:00Z' }],
    });
    const root = element.shadowRoot!;
    expect(root.querySelector('p')!.textContent).toBe('section.count {"count":7}');
    expect(root.querySelector('li')!.textContent).toContain('Third');
    expect(root.querySelector('li')!.textContent).toContain('date(2026-03-01T08:00:00Z)');
    expect(root.querySelector('a')!.getAttribute('href')).toBe(`#/${LIST_ROUTE}?partyId=12`);
  });

  it('shows no link when the party has none, and the reason when the core could not compute it', async () => {
    const none = await mount({ status: 'OK', figures: [{ key: 'count', value: 0 }], items: [] });
    expect(none.shadowRoot!.querySelector('a')).toBeNull();

    const late = await mount({ status: 'TIMEOUT', message: 'took longer than 2 s' });
    expect(late.shadowRoot!.querySelector('[role=status]')!.textContent).toBe('took longer than 2 s');
  });
});
