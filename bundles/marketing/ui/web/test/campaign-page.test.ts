import { describe, expect, it } from 'vitest';
import { fakeHost, settled } from '@tessera/ui-host/testing';
import { CampaignPage } from '../src/campaign-page';
import { PAGE_ELEMENT } from '../src/names';

if (!customElements.get(PAGE_ELEMENT)) customElements.define(PAGE_ELEMENT, CampaignPage);

const campaign = { id: '7', name: 'Gold calls', type: 'PHONE', status: 'ACTIVE', depth: 1, currency: 'EUR', version: 1 };
const statuses = { items: [{ code: 'PLANNED', label: 'Planned', responded: false, isDefault: true, members: 1 },
  { code: 'RESPONDED', label: 'Responded', responded: true, isDefault: false, members: 0 }] };
const offers = { items: [{ id: '9', name: 'Free visit' }] };
const calls = { items: [{ partyId: '42', displayName: 'Emma Durand', phone: '+33 1', status: 'PLANNED', offerId: '9', offerName: 'Free visit',
  script: '<p>Good morning Emma &lt;b&gt;</p>' }] };
const totals = { members: 1, sent: 0, suppressed: 0, responses: 0, convertedLeads: 0, opportunities: 0, wonOpportunities: 0, wonAmount: 0,
  actualCost: 500, roi: -1 };

async function page(answers: unknown[]) {
  const { host, calls: made } = fakeHost(answers, { params: { id: '7' } });
  const element = document.createElement(PAGE_ELEMENT) as CampaignPage;
  element.host = host;
  document.body.append(element);
  await settled(element);
  return { element, made, host };
}

describe('the campaign page', () => {
  it('loads the campaign, its statuses, offers, call list and subtree totals', async () => {
    const { element, made } = await page([campaign, statuses, offers, calls, totals]);
    expect(made.map((c) => c.path)).toEqual(['/marketing/campaigns/7', '/marketing/campaigns/7/statuses', '/marketing/campaigns/7/offers',
      '/marketing/campaigns/7/call-list', '/marketing/campaigns/7/totals']);
    expect(made[4].query).toEqual({ subtree: 'true', attribution: 'PRIMARY' });
    const text = element.shadowRoot!.textContent!;
    expect(text).toContain('Gold calls');
    expect(element.shadowRoot!.querySelector('[data-figure="roi"]')!.textContent).toBe('-1');
    // the server escaped the party's values; the page draws the script's markup
    expect(element.shadowRoot!.querySelector('.script')!.innerHTML).toContain('Good morning Emma &lt;b&gt;');
    element.remove();
  });

  it('records the outcome of a call in one request, then reloads', async () => {
    const { element, made } = await page([campaign, statuses, offers, calls, totals,
      { partyId: '42' }, campaign, statuses, offers, { items: [] }, totals]);
    const form = element.shadowRoot!.querySelector('form') as HTMLFormElement;
    (form.querySelector('select[name="outcome"]') as HTMLSelectElement).value = 'MEETING_SET';
    (form.querySelector('select[name="status"]') as HTMLSelectElement).value = 'RESPONDED';
    form.dispatchEvent(new Event('submit', { cancelable: true }));
    await settled(element);
    await settled(element);
    const post = made.find((c) => c.path.endsWith('/responses'))!;
    expect(post.path).toBe('/marketing/campaigns/7/members/42/responses');
    expect(post.body).toEqual({ status: 'RESPONDED', outcome: 'MEETING_SET', channel: 'PHONE', offerId: '9' });
    expect(element.shadowRoot!.textContent).toContain('calls.empty');
    element.remove();
  });

  it('shows the problem when the campaign cannot be read', async () => {
    const refused = Object.assign(new Error('404'), { problem: { title: 'Not found', detail: 'no campaign 7' } });
    const { element } = await page([refused]);
    expect(element.shadowRoot!.querySelector('[role="alert"]')!.textContent).toBe('no campaign 7');
    element.remove();
  });
});
