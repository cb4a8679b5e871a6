import { afterEach, describe, expect, it } from 'vitest';
import { fakeHost, settled } from '@tessera/ui-host/testing';
import '../src/index';
import type { RecordList } from '../src/list';
import { COLLECTION_PATH, LIST_ELEMENT } from '../src/names';
import { PAGE_SIZE } from '../src/records';

const record = (id: string, name: string) => ({ id, partyId: '12', number: name, summary: `about ${name}`, status: 'NEW', version: 1,
  createdAt: '2026-01-02T10:00:00Z', updatedAt: '2026-01-02T10:00:00Z' });

function mount(host: RecordList['host']): RecordList {
  const element = document.createElement(LIST_ELEMENT) as RecordList;
  element.host = host; // before connecting, as the shell does
  document.body.append(element);
  return element;
}

const rows = (element: RecordList) => [...element.shadowRoot!.querySelectorAll('tbody tr')]
  .map((row) => row.querySelector('td')!.textContent);

describe('the list of records', () => {
  afterEach(() => document.body.replaceChildren());

  it("asks the module's API for the party of the route's query and draws a row per record", async () => {
    const { host, calls } = fakeHost([{ items: [record('1', 'First'), record('2', 'Second')] }],
      { query: new URLSearchParams('partyId=12') });
    const element = mount(host);
    await settled(element);

    expect(calls).toEqual([{ path: COLLECTION_PATH, query: { partyId: '12', cursor: undefined, limit: String(PAGE_SIZE) } }]);
    expect(rows(element)).toEqual(['First', 'Second']);
    expect(element.shadowRoot!.querySelector('tbody td a')!.getAttribute('href')).toBe('#/service/requests/1');
    expect(element.shadowRoot!.querySelector('h1')!.textContent).toBe('list.titleOfParty {"partyId":"12"}');
    expect(element.shadowRoot!.querySelector('tbody td:last-child')!.textContent).toBe('date(2026-01-02T10:00:00Z)');
  });

  it('lists "my requests" and "my queues" through the API\'s filters, titled as such', async () => {
    const { host, calls } = fakeHost([{ items: [record('3', 'SR-000003')] }], { query: new URLSearchParams('mine=true') });
    const element = mount(host);
    await settled(element);
    expect(calls[0].query?.mine).toBe('true');
    expect(calls[0].query?.myQueues).toBeUndefined();
    expect(element.shadowRoot!.querySelector('h1')!.textContent).toBe('list.mine');
    expect(element.shadowRoot!.querySelector('nav a[aria-current="page"]')!.getAttribute('href')).toBe('#/service/requests?mine=true');

    const queues = fakeHost([{ items: [] }], { query: new URLSearchParams('myQueues=true') });
    const other = mount(queues.host);
    await settled(other);
    expect(queues.calls[0].query?.myQueues).toBe('true');
    expect(other.shadowRoot!.querySelector('h1')!.textContent).toBe('list.myQueues');
  });

  it('offers the next page while the API gives a cursor, and appends it', async () => {
    const { host, calls } = fakeHost([{ items: [record('1', 'First')], nextCursor: 'c1' }, { items: [record('2', 'Second')] }]);
    const element = mount(host);
    await settled(element);

    element.shadowRoot!.querySelector('button')!.click();
    await settled(element);

    expect(calls[1].query?.cursor).toBe('c1');
    expect(calls[1].query?.partyId).toBeUndefined();
    expect(rows(element)).toEqual(['First', 'Second']);
    expect(element.shadowRoot!.querySelector('tbody td a')!.getAttribute('href')).toBe('#/service/requests/1');
    expect(element.shadowRoot!.querySelector('button')).toBeNull();
  });

  it("says so when there is nothing, and shows the API's problem when it refuses", async () => {
    const empty = mount(fakeHost([{ items: [] }]).host);
    await settled(empty);
    expect(empty.shadowRoot!.textContent).toContain('list.empty');

    const refusal = Object.assign(new Error('403'), { status: 403, problem: { title: 'Forbidden', detail: 'Missing permission' } });
    const refused = mount(fakeHost([refusal]).host);
    await settled(refused);
    expect(refused.shadowRoot!.querySelector('[role=alert]')!.textContent).toBe('Missing permission');
    expect(refused.shadowRoot!.textContent).not.toContain('list.empty');
  });

  it("starts again when the shell's new host asks for another party, not when only the words change", async () => {
    const first = fakeHost([{ items: [record('1', 'First')] }]);
    const element = mount(first.host);
    await settled(element);

    const french = fakeHost([], { locale: 'fr', t: (key) => `fr:${key}` });
    element.host = french.host;
    await settled(element);
    expect(french.calls).toHaveLength(0);
    expect(rows(element)).toEqual(['First']);
    expect(element.shadowRoot!.querySelector('h1')!.textContent).toBe('fr:list.title');

    const otherParty = fakeHost([{ items: [record('9', 'Ninth')] }], { query: new URLSearchParams('partyId=34') });
    element.host = otherParty.host;
    await settled(element);
    expect(otherParty.calls.map((call) => call.query?.partyId)).toEqual(['34']);
    expect(rows(element)).toEqual(['Ninth']);
  });
});
