import { afterEach, describe, expect, it } from 'vitest';
import { fakeHost, settled } from '@tessera/ui-host/testing';
import '../src/index';
import type { RequestView } from '../src/detail';
import { COLLECTION_PATH, DETAIL_ELEMENT } from '../src/names';

const request = {
  id: '7', partyId: '12', number: 'SR-000007', summary: 'Heating out of order', status: 'OPEN', priority: 'HIGH', type: 'INCIDENT',
  ownerId: '3', queueId: '951', version: 2, createdAt: '2026-01-02T10:00:00Z', updatedAt: '2026-01-02T11:00:00Z',
  milestones: [
    { milestone: 'FIRST_RESPONSE', policy: 'GOLD', state: 'COMPLETED', targetAt: '2026-01-02T11:00:00Z', targetMinutes: 60,
      elapsedMinutes: 75, stoppedMinutes: 0, remainingMinutes: 0, warned: false, violated: true },
    { milestone: 'RESOLUTION', policy: 'GOLD', state: 'RUNNING', targetAt: '2026-01-04T10:00:00Z', targetMinutes: 2880,
      elapsedMinutes: 120, stoppedMinutes: 0, remainingMinutes: 2760, warned: false, violated: false },
  ],
};
const dossier = { INTERACTION: [{ ref: '1901', label: 'Call about the heating' }], LETTER: [], AGENT: [{ ref: '3' }], PARTICIPANT: [{ ref: '12' }] };
const documents = { items: [{ id: '40', kind: 'EMAIL', subject: 'Your request SR-000007', hasPdf: false, sendState: 'PENDING',
  lastError: 'connection refused', createdAt: '2026-01-02T10:05:00Z' }] };

function mount(host: RequestView['host']): RequestView {
  const element = document.createElement(DETAIL_ELEMENT) as RequestView;
  element.host = host;
  document.body.append(element);
  return element;
}

const cells = (element: RequestView, table: string) => [...element.shadowRoot!.querySelectorAll(`table[aria-label="${table}"] tbody tr`)]
  .map((row) => [...row.querySelectorAll('td')].map((cell) => cell.textContent!.trim()));

describe('one request', () => {
  afterEach(() => document.body.replaceChildren());

  it('reads the request of the route, its dossier and its documents, and shows where each milestone stands', async () => {
    const { host, calls } = fakeHost([request, dossier, documents], { params: { id: '7' } });
    const element = mount(host);
    await settled(element);

    expect(calls.map((c) => c.path)).toEqual([`${COLLECTION_PATH}/7`, `${COLLECTION_PATH}/7/elements`, `${COLLECTION_PATH}/7/documents`]);
    expect(element.shadowRoot!.querySelector('h1')!.textContent).toBe('SR-000007');
    const fields = [...element.shadowRoot!.querySelectorAll('dd')].map((d) => d.textContent!.trim());
    expect(fields).toEqual(expect.arrayContaining(['Heating out of order', 'OPEN', 'HIGH', '3', '951']));
    expect(cells(element, 'detail.milestones')).toEqual([
      ['FIRST_RESPONSE', 'state.COMPLETED', 'date(2026-01-02T11:00:00Z)', 'detail.minutes {"n":75}', 'detail.minutes {"n":0}', 'detail.yes'],
      ['RESOLUTION', 'state.RUNNING', 'date(2026-01-04T10:00:00Z)', 'detail.minutes {"n":120}', 'detail.minutes {"n":2760}', 'detail.no'],
    ]);
    // the dossier by kind, the empty kinds left out
    expect([...element.shadowRoot!.querySelectorAll('h3')].map((h) => h.textContent)).toEqual(['kind.INTERACTION', 'kind.AGENT', 'kind.PARTICIPANT']);
    expect(element.shadowRoot!.querySelector('ul[aria-label="kind.INTERACTION"] li')!.textContent).toBe('Call about the heating (1901)');
    expect(cells(element, 'detail.documents')).toEqual([['Your request SR-000007', 'kind.EMAIL', 'send.PENDING', 'date(2026-01-02T10:05:00Z)']]);
  });

  it("says what the API refused instead of a request it cannot read", async () => {
    const refusal = Object.assign(new Error('404'), { problem: { title: 'Not Found', status: 404, detail: 'no request 8' } });
    const { host } = fakeHost([refusal, dossier, documents], { params: { id: '8' } });
    const element = mount(host);
    await settled(element);
    expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).toBe('no request 8');
  });
});
