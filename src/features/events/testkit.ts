import type { Harness, TestUser } from '../../test/harness.js';

/** Factories for the events tests: build parents through the API, as staff would. */
export async function makeEvent(h: Harness, staff: TestUser, over: Record<string, unknown> = {}) {
  const slug = `ev-${Math.random().toString(36).slice(2, 10)}`;
  const res = await h.call(staff, {
    method: 'POST',
    url: '/api/v1/events',
    payload: {
      slug,
      kind: 'summit',
      name: { en: 'Wuzhen Summit Test', 'zh-Hans': '乌镇峰会测试' },
      startDate: '2023-11-08',
      endDate: '2023-11-10',
      timeZone: 'Asia/Shanghai',
      city: { en: 'Wuzhen', 'zh-Hans': '乌镇' },
      countryCode: 'CN',
      mode: 'hybrid',
      visibility: 'public',
      registrationOpen: true,
      ...over,
    },
  });
  if (res.statusCode !== 201) throw new Error(`event: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; slug: string };
}

export async function makeRoom(h: Harness, staff: TestUser, eventId: string, capacity = 100, name = 'Hall A') {
  const res = await h.call(staff, { method: 'POST', url: `/api/v1/events/${eventId}/rooms`, payload: { name: { en: name }, capacity } });
  if (res.statusCode !== 201) throw new Error(`room: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string };
}

export async function makeSession(h: Harness, staff: TestUser, eventId: string, over: Record<string, unknown> = {}) {
  const res = await h.call(staff, {
    method: 'POST',
    url: `/api/v1/events/${eventId}/sessions`,
    payload: { kind: 'sub-forum', title: { en: 'Sub-forum' }, startsAt: '2023-11-08T09:00:00+08:00', endsAt: '2023-11-08T10:30:00+08:00', ...over },
  });
  if (res.statusCode !== 201) throw new Error(`session: ${res.statusCode} ${res.body}`);
  return res.json() as { id: string; capacity: number | null };
}

export async function publish(h: Harness, staff: TestUser, eventId: string) {
  const res = await h.call(staff, { method: 'POST', url: `/api/v1/events/${eventId}/publish`, payload: { force: true } });
  if (res.statusCode !== 200) throw new Error(`publish: ${res.statusCode} ${res.body}`);
}

export const delegate = (name: string, sessions: string[] = [], over: Record<string, unknown> = {}) => ({
  category: 'delegate',
  attendance: 'on-site',
  name,
  nameLatin: name,
  countryCode: 'DE',
  sessions,
  ...over,
});
