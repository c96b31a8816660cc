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

const second = sessionFixture({
  id: '00000000-0000-4000-8000-0000000000e2',
  title: { en: 'AI safety', 'zh-Hans': '人工智能安全' },
  startsAt: '2026-11-08T02:00:00.000Z',
  endsAt: '2026-11-08T03:00:00.000Z',
});
const conflicts = [
  {
    kind: 'room_double_booked',
    sessionIds: [session.id, second.id],
    sessions: [session, second].map((s) => ({
      id: s.id,
      title: s.title,
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      timeZone: 'Asia/Shanghai',
      event: null,
    })),
    message: 'in English',
    roomId: roomFixture.id,
    room: { name: roomFixture.name, capacity: 200 },
  },
  {
    kind: 'person_double_booked',
    sessionIds: [second.id, '00000000-0000-4000-8000-0000000000f1'],
    sessions: [
      { id: second.id, title: second.title, startsAt: second.startsAt, endsAt: second.endsAt, timeZone: 'Asia/Shanghai', event: null },
      {
        id: '00000000-0000-4000-8000-0000000000f1',
        title: { en: 'Youth dialogue', 'zh-Hans': '青年对话' },
        startsAt: '2026-11-08T02:30:00.000Z',
        endsAt: '2026-11-08T03:30:00.000Z',
        timeZone: 'Asia/Shanghai',
        event: { en: 'Asia-Pacific Forum', 'zh-Hans': '亚太论坛' },
      },
    ],
    message: 'in English',
    personId: '00000000-0000-4000-8000-0000000000a9',
    person: '王晓梅',
  },
];

it('a conflict warning names both sessions, with their titles and times, in the viewer language', async () => {
  const api = programApi({
    [`GET /api/v1/events/${eventFixture.id}/agenda`]: agendaFixture([session, second]),
    [`GET /api/v1/events/${eventFixture.id}/conflicts`]: conflicts,
  });
  const warnings = () => [...document.querySelectorAll('[data-testid="conflict"]')].map((a) => a.textContent);
  view = await renderWeb(<ProgramTab ev={eventFixture} />, { locale: 'en', api });
  await vi.waitFor(() => expect(warnings()).toHaveLength(2));
  expect(warnings()).toEqual([
    'Room double-bookedHall A is booked for two sessions at once: "Data governance" (8 Nov 2026, 09:00–10:30 GMT+8) and "AI safety" (8 Nov 2026, 10:00–11:00 GMT+8).',
    'Person in two places王晓梅 is due in two sessions at once: "AI safety" (8 Nov 2026, 10:00–11:00 GMT+8) and "Youth dialogue" (Asia-Pacific Forum, 8 Nov 2026, 10:30–11:30 GMT+8).',
  ]);
  await view.unmount();
  view = await renderWeb(<ProgramTab ev={eventFixture} />, { locale: 'zh-Hans', api });
  await vi.waitFor(() => expect(warnings()).toHaveLength(2));
  expect(warnings()[0]).toMatch(
    /^会场时间冲突A厅同一时间安排了两个场次：“数据治理”（2026.*09:00–10:30）和“人工智能安全”（2026.*10:00–11:00）。$/,
  );
  expect(warnings()[1]).toMatch(
    /^嘉宾时间冲突王晓梅同一时间需出席两个场次：“人工智能安全”（.*）和“青年对话”（亚太论坛，.*10:30–11:30）。$/,
  );
});
