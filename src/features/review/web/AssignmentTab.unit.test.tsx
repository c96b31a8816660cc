// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { button, click, renderWeb } from '../../../web/testing';
import { AssignmentTab } from './AssignmentTab';

const callId = '00000000-0000-4000-8000-00000000ca11';
let view: Awaited<ReturnType<typeof renderWeb>> | undefined;
afterEach(() => view?.unmount());

const assignTab = async (locale: 'en' | 'zh-Hans', pairs: number) => {
  view = await renderWeb(<AssignmentTab callId={callId} />, {
    locale,
    api: {
      [`GET /api/v1/review/calls/${callId}/assignments`]: [],
      [`GET /api/v1/review/calls/${callId}/progress`]: { reviewers: [], submissions: [] },
      [`POST /api/v1/review/calls/${callId}/assign`]: { pairs, objective: 0.75, kept: 0, submissions: pairs, reviewers: 1 },
    },
  });
};

it('says how many reviews were assigned with the right plural form', async () => {
  await assignTab('en', 1);
  await click(button('Run the assignment'));
  await vi.waitFor(() => expect(view!.text()).toContain('1 review assigned (affinity 0.75)'));
  await view!.unmount();
  await assignTab('en', 3);
  await click(button('Run the assignment'));
  await vi.waitFor(() => expect(view!.text()).toContain('3 reviews assigned (affinity 0.75)'));
  await view!.unmount();
  await assignTab('zh-Hans', 1);
  await click(document.querySelector('[data-testid="run-assign"]'));
  await vi.waitFor(() => expect(view!.text()).toContain('已分配 1 份评审（匹配度 0.75）'));
});
