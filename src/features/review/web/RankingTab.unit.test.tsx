// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { button, click, dialog, renderWeb } from '../../../web/testing';
import { RankingTab } from './RankingTab';

const callId = '00000000-0000-4000-8000-00000000ca11';
const row = (i: number, decision: string | null) => ({
  rank: i,
  submission: `00000000-0000-4000-8000-00000000000${i}`,
  reviews: 2,
  raw: 8,
  normalized: 0.5,
  spread: 1,
  sd: 0.5,
  id: `00000000-0000-4000-8000-00000000000${i}`,
  code: `BP-2026-000${i}`,
  title: { en: `Entry ${i}` },
  countryCode: 'CN',
  continent: 'asia',
  category: null,
  decision,
  round: 1,
});

let view: Awaited<ReturnType<typeof renderWeb>> | undefined;
afterEach(() => view?.unmount());

const publishButton = () => document.querySelector<HTMLButtonElement>('[data-testid="publish"]')!;

it('"Publish the selected entries" waits for a saved decision', async () => {
  view = await renderWeb(<RankingTab callId={callId} />, {
    locale: 'en',
    api: { [`GET /api/v1/review/calls/${callId}/ranking`]: [row(1, null), row(2, 'not_selected')] },
  });
  await vi.waitFor(() => expect(view!.text()).toContain('Entry 2'));
  expect(publishButton().disabled).toBe(true);
  expect(view.text()).toContain('Save the decisions first: only entries saved as Selected are published.');
});

it('with saved selections it asks first, counting them, and reports what was published with the right plural', async () => {
  const published: unknown[] = [];
  const api = {
    [`GET /api/v1/review/calls/${callId}/ranking`]: [row(1, 'selected'), row(2, 'not_selected')],
    [`POST /api/v1/showcase/calls/${callId}/publish`]: () => {
      published.push(true);
      return { published: 1 };
    },
  };
  view = await renderWeb(<RankingTab callId={callId} />, { locale: 'en', api });
  await vi.waitFor(() => expect(publishButton().disabled).toBe(false));
  await click(publishButton());
  expect(dialog('Publish the selected entries').textContent).toContain(
    'Publish 1 selected entry in the showcase? It appears there and in search.',
  );
  expect(published).toEqual([]);
  await click(button('Publish the selected entries', dialog('Publish the selected entries')));
  await vi.waitFor(() => expect(view!.text()).toContain('1 entry published.'));
  expect(published).toEqual([true]);
  await view.unmount();
  view = await renderWeb(<RankingTab callId={callId} />, { locale: 'zh-Hant', api });
  await vi.waitFor(() => expect(publishButton().disabled).toBe(false));
  await click(publishButton());
  expect(dialog('發佈入選成果').textContent).toContain('將 1 項入選成果發佈到成果展示？');
});
