import { expect } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '../../platform/db/index.js';
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
    payload: {
      kind: 'sub-forum',
      title: { en: 'Sub-forum' },
      startsAt: '2023-11-08T09:00:00+08:00',
      endsAt: '2023-11-08T10:30:00+08:00',
      ...over,
    },
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

/**
 * Acceptance 2: at least 200 simultaneous registrations at a session of
 * capacity 50 through the HTTP API: exactly 50 confirmed, the rest
 * waitlisted in arrival order, no duplicates.
 */
export async function checkRush(database: Database, sessionId: string, people: number) {
  const rows = await database.rows<{ registration_id: string; status: string; arrival: string | number; user_id: string }>(sql`
    select s.registration_id, s.status, s.arrival, r.user_id from event_signups s join event_registrations r on r.id = s.registration_id
    where s.session_id = ${sessionId} order by s.arrival`);
  expect(rows.length).toBe(people);
  expect(new Set(rows.map((r) => r.user_id)).size).toBe(people); // one registration per person
  const arrivals = rows.map((r) => Number(r.arrival));
  expect(arrivals).toEqual(Array.from({ length: people }, (_, i) => i + 1)); // arrival numbers 1..n, no gap, no repeat
  const confirmed = rows.filter((r) => r.status === 'confirmed');
  const waitlisted = rows.filter((r) => r.status === 'waitlisted');
  expect(confirmed.length).toBe(50);
  expect(waitlisted.length).toBe(people - 50);
  // First come, first served: the 50 first arrivals hold the seats, the others wait in arrival order.
  expect(confirmed.map((r) => Number(r.arrival))).toEqual(arrivals.slice(0, 50));
  expect(waitlisted.map((r) => Number(r.arrival))).toEqual(arrivals.slice(50));
  const [counter] = await database.rows<{ confirmed: number; waiting: number }>(
    sql`select confirmed, waiting from event_sessions where id = ${sessionId}`,
  );
  expect(counter).toEqual({ confirmed: 50, waiting: people - 50 });
}
