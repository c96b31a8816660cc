// @vitest-environment happy-dom
import { afterEach, expect, it, vi } from 'vitest';
import { button, click, closed, dialog, type FakeApi, renderWeb } from '../../../web/testing';
import { agendaFixture, eventFixture, roomFixture, sessionFixture } from './fixtures';
import { ProgramTab } from './ProgramTab';

let view: Awaited<ReturnType<typeof renderWeb>> | undefined;
afterEach(() => view?.unmount());

const session = sessionFixture();
const programApi = (over: FakeApi = {}): FakeApi => ({
  [`GET /api/v1/events/${eventFixture.id}/rooms`]: [roomFixture],
  [`GET /api/v1/events/${eventFixture.id}/agenda`]: agendaFixture([session]),
  [`GET /api/v1/events/${eventFixture.id}/conflicts`]: [],
  'GET /api/v1/directory/people': { items: [], total: 0 },
  ...over,
});

it('deleting or cancelling a session asks first, naming the session and its time in the event time zone', async () => {
  const deleted: string[] = [];
  const cancelled: unknown[] = [];
  view = await renderWeb(<ProgramTab ev={eventFixture} />, {
    locale: 'en',
    api: programApi({
      [`DELETE /api/v1/sessions/${session.id}`]: () => {
        deleted.push(session.id);
        return { ok: true };
      },
      [`POST /api/v1/sessions/${session.id}/cancelled`]: (req) => {
        cancelled.push(req.body);
        return session;
      },
    }),
  });
  await vi.waitFor(() => expect(view!.text()).toContain('Data governance'));
  await click(button('Delete'));
  expect(deleted).toEqual([]);
  expect(dialog('Delete').textContent).toContain('Delete the session "Data governance" (8 Nov 2026, 09:00 GMT+8)?');
  await click(button('Cancel', dialog('Delete')));
  await closed('Delete');
  expect(deleted).toEqual([]);
  await click(button('Cancel session'));
  expect(dialog('Cancel session').textContent).toContain('Cancel the session "Data governance" (8 Nov 2026, 09:00 GMT+8)?');
  await click(button('Back', dialog('Cancel session')));
  await closed('Cancel session');
  expect(cancelled).toEqual([]);
  await click(button('Delete'));
  await click(button('Delete', dialog('Delete')));
  await vi.waitFor(() => expect(deleted).toEqual([session.id]));
});
