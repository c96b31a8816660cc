// @vitest-environment happy-dom
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { afterEach, expect, it, vi } from 'vitest';
import { eventsApi, type RegistrationFilter } from '../../features/events/contract';
import type { BulkResult } from '../../platform/http/contract';
import { call } from '../api';
import { button, click, closed, dialog, renderWeb } from '../testing';
import { type BulkAction, BulkBar, SelectPage, SelectRow } from './BulkBar';
import { useSelection } from './useSelection';

const eventId = '00000000-0000-4000-8000-000000000001';
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const people = ['Amina Diallo', 'Lukas Meyer', '王小明'].map((name, i) => ({ id: id(i + 1), name }));

/** A list of 3 shown rows out of `total` matching the filter, with the accreditation action, as a page would use them. */
function List({ total }: { total: number }) {
  const { t } = useTranslation('events');
  const [filter] = useState<RegistrationFilter>({ status: 'pending' });
  const selection = useSelection({ ids: people.map((p) => p.id), total, filter });
  const actions: BulkAction<RegistrationFilter>[] = [
    {
      label: t('bulk.accredit'),
      question: (count) => t('bulk.confirmAccredit', { count }),
      run: (s) => call(eventsApi.bulkDecide, { params: { id: eventId }, body: { selection: s, decision: 'approve' } }),
      done: (count) => t('bulk.accredited', { count }),
      skipped: (count) => t('bulk.alreadyAccredited', { count }),
    },
  ];
  return (
    <>
      <BulkBar selection={selection} actions={actions} />
      <SelectPage selection={selection} />
      {people.map((p) => (
        <SelectRow key={p.id} selection={selection} id={p.id} name={p.name} />
      ))}
    </>
  );
}

let view: Awaited<ReturnType<typeof renderWeb>> | undefined;
afterEach(() => view?.unmount());

const box = (label: string) => {
  const found = document.querySelector<HTMLInputElement>(`input[type="checkbox"][aria-label="${label}"]`);
  if (!found) throw new Error(`No checkbox named "${label}"`);
  return found;
};
const bar = () => document.querySelector('[data-testid="bulk-bar"]');
const count = () => document.querySelector('[data-testid="bulk-count"]')?.textContent;
const outcome = () => document.querySelector('[data-testid="bulk-outcome"]');

it('selects rows by their named checkboxes, then every row matching the filter, asks with the count and reports each outcome', async () => {
  const sent: unknown[] = [];
  const result: BulkResult = {
    total: 120,
    done: 118,
    skipped: 1,
    refused: 1,
    items: [
      ...Array.from({ length: 118 }, (_, i) => ({ id: id(100 + i), name: `P${i}`, outcome: 'done' as const, code: null })),
      { id: id(2), name: 'Lukas Meyer', outcome: 'skipped', code: null },
      { id: id(3), name: '王小明', outcome: 'refused', code: 'not_pending' },
    ],
  };
  view = await renderWeb(<List total={120} />, {
    locale: 'en',
    api: {
      [`POST /api/v1/events/${eventId}/registrations/bulk/decision`]: (req) => {
        sent.push(req.body);
        return result;
      },
    },
  });
  // Nothing selected: no bar.
  expect(bar()).toBeNull();
  await click(box('Select Lukas Meyer'));
  expect(count()).toBe('1 selected');
  expect(box('Select every row on this page').indeterminate).toBe(true);
  // The whole page, then every row matching the filter (more match than are shown).
  await click(box('Select every row on this page'));
  expect(count()).toBe('3 selected');
  await click(button('Select all 120 rows matching the filter'));
  expect(count()).toBe('All 120 rows matching the filter are selected');
  // Asks first, naming the count; nothing is sent before the dialog's own button.
  await click(button('Accredit'));
  expect(dialog('Accredit').textContent).toContain('Accredit 120 registrations? Each person is told by e-mail.');
  expect(sent).toEqual([]);
  await click(button('Accredit', dialog('Accredit')));
  await closed('Accredit');
  // The server resolves "all matching" with the list's filter, at the count confirmed.
  expect(sent).toEqual([{ selection: { filter: { status: 'pending' }, count: 120 }, decision: 'approve' }]);
  // What became of each: the counts, and the rows not done with why, by name.
  await vi.waitFor(() => expect(outcome()).not.toBeNull());
  expect(outcome()!.textContent).toContain('118 accredited, 1 skipped: already accredited, 1 not done');
  expect(outcome()!.textContent).toContain('王小明: This registration was already decided.');
  // The selection is done with; the outcome stays until closed.
  expect(bar()).toBeNull();
  expect(box('Select Lukas Meyer').checked).toBe(false);
  await click(document.querySelector('[data-testid="bulk-outcome"] button'));
  expect(outcome()).toBeNull();
});

it('unselecting one row of "all matching" leaves the rows shown but that one; no "all matching" when all are shown', async () => {
  view = await renderWeb(<List total={3} />, { locale: 'en', api: {} });
  await click(box('Select every row on this page'));
  expect(count()).toBe('3 selected');
  expect(document.querySelector('[data-testid="select-all-matching"]')).toBeNull();
  await view.unmount();
  view = await renderWeb(<List total={40} />, { locale: 'en', api: {} });
  await click(box('Select every row on this page'));
  await click(button('Select all 40 rows matching the filter'));
  await click(box('Select Amina Diallo'));
  expect(count()).toBe('2 selected');
  expect(box('Select Amina Diallo').checked).toBe(false);
  expect(box('Select Lukas Meyer').checked).toBe(true);
});

it('speaks Chinese, in both scripts, with counts and no raw codes', async () => {
  const api = {
    [`POST /api/v1/events/${eventId}/registrations/bulk/decision`]: {
      total: 1,
      done: 0,
      skipped: 0,
      refused: 1,
      items: [{ id: id(1), name: 'Amina Diallo', outcome: 'refused', code: 'not_pending' }],
    },
  };
  view = await renderWeb(<List total={30} />, { locale: 'zh-Hans', api });
  await click(box('选择 Amina Diallo'));
  expect(count()).toBe('已选 1 项');
  await click(box('选择本页所有行'));
  await click(button('选择符合筛选条件的全部 30 项'));
  expect(count()).toBe('已选中符合筛选条件的全部 30 项');
  await click(button('取消选择'));
  await click(box('选择 Amina Diallo'));
  await click(button('审核通过'));
  expect(dialog('审核通过').textContent).toContain('通过 1 份报名的审核？');
  await click(button('审核通过', dialog('审核通过')));
  await vi.waitFor(() => expect(outcome()).not.toBeNull());
  expect(outcome()!.textContent).toContain('1 项未完成');
  expect(outcome()!.textContent).toContain('Amina Diallo：此报名已审核。');
  expect(outcome()!.textContent).not.toMatch(/not_pending|refused/);
  await view.unmount();
  view = await renderWeb(<List total={30} />, { locale: 'zh-Hant', api });
  await click(box('選擇本頁所有列'));
  expect(count()).toBe('已選 3 項');
  expect(button('選擇符合篩選條件的全部 30 項')).toBeTruthy();
});

it('a filter that matches another number by now: nothing is done, the dialog says so with the count now', async () => {
  view = await renderWeb(<List total={30} />, {
    locale: 'en',
    api: {
      [`POST /api/v1/events/${eventId}/registrations/bulk/decision`]: {
        status: 409,
        problem: { type: 'about:blank', title: 'Conflict', status: 409, code: 'selection_changed', detail: 'changed', count: 31 },
      },
    },
  });
  await click(box('Select every row on this page'));
  await click(button('Select all 30 rows matching the filter'));
  await click(button('Accredit'));
  await click(button('Accredit', dialog('Accredit')));
  await vi.waitFor(() => expect(dialog('Accredit').textContent).toContain('the filter matches 31 now. Nothing was done'));
  expect(outcome()).toBeNull();
});
