// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { act } from 'react';
import { button, click, closed, dialog, renderWeb } from '../../../web/testing';
import { MembershipModal } from './MembershipModal';

const id = '00000000-0000-4000-8000-00000000c001';
const membership = (over: Record<string, unknown> = {}) => ({
  id,
  status: 'active',
  statusReason: null,
  applicantKind: 'organization',
  categoryKey: 'institutional',
  categoryName: { en: 'Institutional', 'zh-Hans': '机构会员' },
  organizationId: null,
  personId: null,
  name: { en: 'Lagoon Institute', 'zh-Hans': '泻湖研究所' },
  countryCode: 'IT',
  continent: 'europe',
  stakeholderGroup: 'academia',
  startDate: '2026-01-01',
  renewalDate: '2027-01-01',
  graceUntil: null,
  directoryOptIn: true,
  sector: null,
  history: [],
  renewsTo: '2028-01-01',
  ...over,
});

let view: Awaited<ReturnType<typeof renderWeb>> | undefined;
afterEach(() => view?.unmount());

it('asks before renewing, naming the member and the new end of its term, and sends the term it extends', async () => {
  const renewals: unknown[] = [];
  view = await renderWeb(<MembershipModal id={id} onClose={() => {}} />, {
    locale: 'en',
    api: {
      [`GET /api/v1/membership/memberships/${id}`]: membership(),
      [`POST /api/v1/membership/memberships/${id}/renew`]: (req) => {
        renewals.push(req.body);
        return membership({ renewalDate: '2028-01-01', renewsTo: '2029-01-01' });
      },
      'GET /api/v1/membership/memberships': { items: [], total: 0 },
    },
  });
  await vi.waitFor(() => expect(view!.text()).toContain('Renewal: 1 Jan 2027'));
  await click(button('Renew'));
  // Nothing happens on the first click: a dialog says what will.
  expect(renewals).toEqual([]);
  expect(dialog('Renew').textContent).toContain('Renew the membership of Lagoon Institute until 1 Jan 2028?');
  await click(button('Renew', dialog('Renew')));
  await vi.waitFor(() => expect(renewals).toEqual([{ expectedRenewalDate: '2027-01-01' }]));
  await vi.waitFor(() => expect(view!.text()).toContain('Renewal: 1 Jan 2028'));
});

it('a renewal refused because it happened meanwhile shows why in the viewer language and does not renew again', async () => {
  const renewals: unknown[] = [];
  let current = membership();
  view = await renderWeb(<MembershipModal id={id} onClose={() => {}} />, {
    locale: 'zh-Hans',
    api: {
      [`GET /api/v1/membership/memberships/${id}`]: () => current,
      [`POST /api/v1/membership/memberships/${id}/renew`]: (req) => {
        renewals.push(req.body);
        // Renewed by an earlier click that the page had not yet seen.
        current = membership({ renewalDate: '2028-01-01', renewsTo: '2029-01-01' });
        return {
          status: 409,
          problem: { type: 'about:blank', title: 'Conflict', status: 409, code: 'renewal_date_changed', detail: 'renewed meanwhile' },
        };
      },
      'GET /api/v1/membership/memberships': { items: [], total: 0 },
    },
  });
  await vi.waitFor(() => expect(view!.text()).toContain('续期'));
  await click(button('续期'));
  expect(dialog('续期').textContent).toContain('将泻湖研究所的会员资格续期至2028年1月1日？');
  await click(button('续期', dialog('续期')));
  await vi.waitFor(() => expect(dialog('续期').textContent).toContain('该会员资格已被续期或更改，本次操作未执行。'));
  // Confirming again asks for the same change, which the server refuses again: never a second term.
  await click(button('续期', dialog('续期')));
  await vi.waitFor(() => expect(renewals).toHaveLength(2));
  expect(renewals).toEqual([{ expectedRenewalDate: '2027-01-01' }, { expectedRenewalDate: '2027-01-01' }]);
});

it('suspending asks first, with the reason in the dialog, and cannot be confirmed without one', async () => {
  const sent: unknown[] = [];
  let closedMembership = 0;
  view = await renderWeb(<MembershipModal id={id} onClose={() => closedMembership++} />, {
    locale: 'en',
    api: {
      [`GET /api/v1/membership/memberships/${id}`]: membership(),
      [`POST /api/v1/membership/memberships/${id}/suspend`]: (req) => {
        sent.push(req.body);
        return membership({ status: 'suspended', renewsTo: null });
      },
      'GET /api/v1/membership/memberships': { items: [], total: 0 },
    },
  });
  await vi.waitFor(() => expect(view!.text()).toContain('Suspend'));
  await click(button('Suspend'));
  expect(dialog('Suspend').textContent).toContain('Suspend the membership of Lagoon Institute?');
  expect(button('Suspend', dialog('Suspend')).disabled).toBe(true);
  expect(sent).toEqual([]);
  // Escape closes the confirmation alone, not the membership under it.
  await act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  await closed('Suspend');
  expect(closedMembership).toBe(0);
  await act(async () => void document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })));
  expect(closedMembership).toBe(1);
});
