// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, expect, it, vi } from 'vitest';
import { button, click, renderWeb } from '../../../web/testing';
import { CallBuilder } from './Builder';
import { CallPage } from './CallPage';

const callId = '00000000-0000-4000-8000-00000000ca11';
// 23:59 in Shanghai (UTC+8) on 31 May is 15:59 UTC.
const theCall = {
  id: callId,
  kind: 'practice-case',
  year: 2026,
  title: { en: 'Best practices 2026', 'zh-Hans': '2026 最佳实践' },
  rules: {},
  opensAt: '2026-03-01T00:00:00.000Z',
  closesAt: '2026-05-31T15:59:00.000Z',
  timeZone: 'Asia/Shanghai',
  closesAtLocal: '2026-05-31 23:59 (Asia/Shanghai)',
  isOpen: false,
  eligibility: {},
  categories: [],
  rounds: [{ value: 'r1', label: { en: 'Round 1' } }],
  form: [],
  allowEdit: true,
  allowNominations: false,
  sameCountryConflict: false,
  reviewsPerSubmission: 3,
  codePrefix: 'BP',
  published: true,
};

let view: Awaited<ReturnType<typeof renderWeb>> | undefined;
afterEach(() => view?.unmount());

const deadline = () => document.querySelector('[data-testid="deadline"]')?.textContent ?? '';

it("the public call page shows the deadline in the call's own time zone, in the viewer language", async () => {
  const route = { path: '/calls/:id', url: `/calls/${callId}` };
  const api = { [`GET /api/v1/calls/${callId}`]: theCall };
  view = await renderWeb(<CallPage />, { locale: 'en', api, route });
  await vi.waitFor(() => expect(deadline()).toMatch(/^Closes 31 May 2026 at 23:59 China Standard Time/));
  await view.unmount();
  view = await renderWeb(<CallPage />, { locale: 'zh-Hans', api, route });
  await vi.waitFor(() => expect(deadline()).toMatch(/^截止时间 2026年5月31日 中国标准时间 23:59/));
});

it("the staff editor enters the deadline as wall-clock time in the call's zone, and sends that instant", async () => {
  const sent: Array<Record<string, unknown>> = [];
  view = await renderWeb(<CallBuilder call={theCall as never} />, {
    locale: 'en',
    api: {
      [`GET /api/v1/review/calls/${callId}/rubrics/1`]: { criteria: [], scaleMin: 1, scaleMax: 10 },
      [`PATCH /api/v1/calls/${callId}`]: (req) => {
        sent.push(req.body as Record<string, unknown>);
        return theCall;
      },
      'GET /api/v1/calls': [],
    },
  });
  const input = () => document.querySelector<HTMLInputElement>('input[type="datetime-local"]')!;
  const label = () => document.querySelector(`label[for="${input().id}"]`)?.textContent ?? '';
  expect(input().value).toBe('2026-05-31T23:59');
  expect(label()).toBe('Deadline: date and time in Asia/Shanghai');
  expect(view.text()).toContain('Closes 31 May 2026 at 23:59 China Standard Time');
  await click(button('Save'));
  await vi.waitFor(() => expect(sent).toHaveLength(1));
  expect(sent[0]).toMatchObject({ closesAt: '2026-05-31T15:59:00.000Z', timeZone: 'Asia/Shanghai' });
  // A new deadline typed in is read in the call's zone: 18:00 on 1 June in Shanghai is 10:00 UTC.
  await act(async () => {
    const set = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!;
    set.call(input(), '2026-06-01T18:00');
    input().dispatchEvent(new Event('input', { bubbles: true }));
  });
  expect(view.text()).toContain('Closes 1 June 2026 at 18:00 China Standard Time');
  await click(button('Save'));
  await vi.waitFor(() => expect(sent).toHaveLength(2));
  expect(sent[1]).toMatchObject({ closesAt: '2026-06-01T10:00:00.000Z', timeZone: 'Asia/Shanghai' });
});
