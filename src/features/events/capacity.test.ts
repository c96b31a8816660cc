import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { checkRush, delegate, makeEvent, makeSession, publish } from './testkit.js';

describe('registration rush through app.inject', () => {
  let h: Harness;
  let staff: TestUser;
  beforeAll(async () => {
    h = await createHarness();
    staff = await h.user({ roles: ['secretariat'] });
  });
  afterAll(() => h.close());

  it('220 simultaneous submits by 200 people at 50 seats: 50 confirmed, 150 waitlisted in arrival order, no duplicates', async () => {
    const ev = await makeEvent(h, staff);
    const s = await makeSession(h, staff, ev.id, { capacity: 50 });
    await publish(h, staff, ev.id);
    const people = await Promise.all(Array.from({ length: 200 }, () => h.user()));
    // 20 of them double-click: their second submit must not create a second registration.
    const shots = [...people, ...people.slice(0, 20)].map((u, i) =>
      h.call(u, {
        method: 'POST',
        url: `/api/v1/events/${ev.id}/registrations`,
        payload: delegate(`Delegate ${i}`, [s.id], { attendance: 'online' }),
      }),
    );
    const res = await Promise.all(shots);
    const codes = res.map((r) => r.statusCode);
    expect(codes.filter((c) => c === 201).length).toBe(200);
    expect(codes.filter((c) => c === 200).length).toBe(20);
    await checkRush(h.database, s.id, 200);
    // What each person sees agrees with the table: a position on the waitlist, 1..150.
    const positions = res
      .filter((r) => r.statusCode === 201)
      .map((r) => r.json().signups[0])
      .filter((x) => x.status === 'waitlisted');
    expect(positions.length).toBe(150);
  });
});
