import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { calendarProblems } from '../../test/calendar.js';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { createPerson } from '../directory/index.js';
import { features } from '../index.js';
import { rebuild } from '../search/index.js';
import { delegate, makeEvent, makeRoom, makeSession, publish } from './testkit.js';

let h: Harness;
let staff: TestUser;
let personA: string;
let personB: string;

beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  personA = (await createPerson(h.ctx.db, null, { name: '王晓梅', nameLatin: 'Wang Xiaomei', countryCode: 'CN' })).id;
  personB = (await createPerson(h.ctx.db, null, { name: 'Lucía Fernández', countryCode: 'ES' })).id;
});
afterAll(() => h.close());

const mails = (to: string) =>
  h.database.rows<{ subject: string; text: string; template: string }>(
    sql`select subject, text, template from mail_outbox where "to" = ${to} order by created_at`,
  );

describe('program conflicts (acceptance 4: one test per kind)', () => {
  it('a room used twice at once', async () => {
    const ev = await makeEvent(h, staff);
    const room = await makeRoom(h, staff, ev.id, 200);
    const a = await makeSession(h, staff, ev.id, { roomId: room.id, title: { en: 'Opening', 'zh-Hans': '开幕式' } });
    const b = await makeSession(h, staff, ev.id, {
      roomId: room.id,
      title: { en: 'Data governance' },
      startsAt: '2023-11-08T10:00:00+08:00',
      endsAt: '2023-11-08T11:00:00+08:00',
    });
    const res = await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/conflicts` });
    expect(res.json().map((c: { kind: string }) => c.kind)).toEqual(['room_double_booked']);
    // The warning names both sessions, with their times in the event's zone, and the room.
    const [c] = res.json();
    expect(c.message).toBe(
      '"Hall A" is booked for two sessions at once: "Opening" (2023-11-08 09:00–10:30 Asia/Shanghai) and "Data governance" (2023-11-08 10:00–11:00 Asia/Shanghai).',
    );
    expect(c.sessions).toEqual([
      {
        id: a.id,
        title: { en: 'Opening', 'zh-Hans': '开幕式' },
        startsAt: '2023-11-08T01:00:00.000Z',
        endsAt: '2023-11-08T02:30:00.000Z',
        timeZone: 'Asia/Shanghai',
        event: null,
      },
      {
        id: b.id,
        title: { en: 'Data governance' },
        startsAt: '2023-11-08T02:00:00.000Z',
        endsAt: '2023-11-08T03:00:00.000Z',
        timeZone: 'Asia/Shanghai',
        event: null,
      },
    ]);
    expect(c.room).toEqual({ name: { en: 'Hall A' }, capacity: 200 });
  });

  it('a person in two places at once (across events)', async () => {
    const ev = await makeEvent(h, staff);
    const other = await makeEvent(h, staff);
    await makeSession(h, staff, ev.id, { people: [{ personId: personA, role: 'speaker' }] });
    await makeSession(h, staff, other.id, {
      people: [{ personId: personA, role: 'moderator' }],
      startsAt: '2023-11-08T10:00:00+08:00',
      endsAt: '2023-11-08T12:00:00+08:00',
    });
    await makeSession(h, staff, ev.id, { people: [{ personId: personB, role: 'speaker' }] });
    const res = await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/conflicts` });
    const found = res.json();
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ kind: 'person_double_booked', personId: personA, person: '王晓梅' });
    // The other session is another event's: it is named with that event.
    expect(found[0].sessions.map((x: { title: { en: string }; event: unknown }) => [x.title.en, x.event])).toEqual([
      ['Sub-forum', null],
      ['Sub-forum', { en: 'Wuzhen Summit Test', 'zh-Hans': '乌镇峰会测试' }],
    ]);
    expect(found[0].message).toBe(
      '王晓梅 is due in two sessions at once: "Sub-forum" (2023-11-08 09:00–10:30 Asia/Shanghai) and "Sub-forum" (Wuzhen Summit Test, 2023-11-08 10:00–12:00 Asia/Shanghai).',
    );
  });

  it("a session outside the event's days, in the event's time zone", async () => {
    const ev = await makeEvent(h, staff);
    // 23:30 UTC on 10 Nov is 07:30 on 11 Nov in Shanghai: outside 8–10 Nov.
    await makeSession(h, staff, ev.id, { startsAt: '2023-11-10T23:30:00Z', endsAt: '2023-11-11T00:30:00Z' });
    // 17:00 UTC on 7 Nov is 01:00 on 8 Nov in Shanghai: inside.
    await makeSession(h, staff, ev.id, { startsAt: '2023-11-07T17:00:00Z', endsAt: '2023-11-07T18:00:00Z' });
    const res = await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/conflicts` });
    expect(res.json().map((c: { kind: string }) => c.kind)).toEqual(['outside_event_days']);
  });

  it("a room smaller than the session's capacity; publishing is refused until forced", async () => {
    const ev = await makeEvent(h, staff);
    const room = await makeRoom(h, staff, ev.id, 30);
    await makeSession(h, staff, ev.id, { roomId: room.id, capacity: 80 });
    const res = await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/conflicts` });
    expect(res.json().map((c: { kind: string }) => c.kind)).toEqual(['room_too_small']);
    const refused = await h.call(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/publish`, payload: {} });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('program_conflicts');
    expect(refused.json().conflicts[0].kind).toBe('room_too_small');
    const forced = await h.call(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/publish`, payload: { force: true } });
    expect(forced.statusCode).toBe(200);
  });

  it('bad input is a 400, never a 500', async () => {
    const ev = await makeEvent(h, staff);
    const bad = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/sessions`,
      payload: { kind: 'sub-forum', title: { en: 'x' }, startsAt: '2023-11-08T10:00:00+08:00', endsAt: '2023-11-08T09:00:00+08:00' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await h.call(null, { method: 'GET', url: `/api/v1/events/${'-'.repeat(36)}/agenda` })).statusCode).toBe(404);
    const tz = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/events',
      payload: {
        slug: 'bad-tz',
        kind: 'summit',
        name: { en: 'x' },
        startDate: '2023-01-01',
        endDate: '2023-01-02',
        timeZone: 'Mars/Olympus',
        mode: 'online',
        visibility: 'public',
      },
    });
    expect(tz.statusCode).toBe(400);
  });
});

describe('agenda and iCalendar (acceptance 3)', () => {
  it('filters by day in the event time zone, room, theme and language; the .ics carries TZID and a matching VTIMEZONE', async () => {
    const ev = await makeEvent(h, staff, {
      timeZone: 'Europe/Madrid',
      startDate: '2024-02-26',
      endDate: '2024-02-27',
      city: { en: 'Madrid', 'zh-Hans': '马德里' },
    });
    const room = await makeRoom(h, staff, ev.id, 100);
    const s1 = await makeSession(h, staff, ev.id, {
      title: { en: 'Computing networks', 'zh-Hans': '算力网络' },
      theme: 'computing',
      language: 'en',
      roomId: room.id,
      startsAt: '2024-02-26T10:00:00+01:00',
      endsAt: '2024-02-26T11:00:00+01:00',
      people: [{ personId: personB, role: 'speaker' }],
    });
    await makeSession(h, staff, ev.id, {
      title: { en: 'Day two' },
      theme: 'ai',
      language: 'zh',
      startsAt: '2024-02-27T00:30:00+01:00',
      endsAt: '2024-02-27T01:30:00+01:00',
    });
    await publish(h, staff, ev.id);

    const day1 = await h.call(null, { method: 'GET', url: `/api/v1/events/${ev.slug}/agenda?day=2024-02-26` });
    expect(day1.statusCode).toBe(200);
    expect(day1.json().sessions.map((s: { id: string }) => s.id)).toEqual([s1.id]);
    expect(day1.json().days).toEqual(['2024-02-26', '2024-02-27']);
    expect((await h.call(null, { method: 'GET', url: `/api/v1/events/${ev.id}/agenda?theme=ai` })).json().sessions).toHaveLength(1);
    expect(
      (await h.call(null, { method: 'GET', url: `/api/v1/events/${ev.id}/agenda?room=${room.id}` })).json().sessions[0].people[0].name,
    ).toBe('Lucía Fernández');
    expect((await h.call(null, { method: 'GET', url: `/api/v1/events/${ev.id}/agenda?language=zh` })).json().sessions).toHaveLength(1);

    const ics = await h.call(null, { method: 'GET', url: `/api/v1/events/${ev.id}/calendar.ics?lang=zh-Hans` });
    expect(ics.headers['content-type']).toContain('text/calendar');
    const comp = new ICAL.Component(ICAL.parse(ics.body));
    const tzComp = comp.getFirstSubcomponent('vtimezone')!;
    expect(tzComp.getFirstPropertyValue('tzid')).toBe('Europe/Madrid');
    const zone = new ICAL.Timezone(tzComp);
    const vevents = comp.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(2);
    const first = new ICAL.Event(vevents.find((v) => new ICAL.Event(v).summary === '算力网络')!);
    const dtstart = vevents[0].getFirstProperty('dtstart')!;
    expect(dtstart.getParameter('tzid')).toBe('Europe/Madrid');
    const start = first.startDate;
    start.zone = zone;
    // 10:00 in Madrid (UTC+1 in February) is 09:00 UTC.
    expect(start.toJSDate().toISOString()).toBe('2024-02-26T09:00:00.000Z');
    expect(first.description).toContain('Lucía Fernández');

    const one = await h.call(null, { method: 'GET', url: `/api/v1/sessions/${s1.id}/calendar.ics` });
    expect(ICAL.parse(one.body)).toBeTruthy();
    expect(one.body).toContain('DTSTART;TZID=Europe/Madrid:20240226T100000');
  });

  it("a person's own agenda feed lists the sessions they hold a seat in, behind a signed token", async () => {
    const ev = await makeEvent(h, staff);
    const a = await makeSession(h, staff, ev.id, { capacity: 5, title: { en: 'Mine' } });
    await makeSession(h, staff, ev.id, { capacity: 5, title: { en: 'Not mine' } });
    await publish(h, staff, ev.id);
    const u = await h.user();
    await h.call(u, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Agenda Person', [a.id]) });
    const link = (await h.call(u, { method: 'GET', url: '/api/v1/me/agenda-link' })).json().url as string;
    const feed = await h.call(null, { method: 'GET', url: new URL(link).pathname });
    expect(feed.statusCode).toBe(200);
    const comp = new ICAL.Component(ICAL.parse(feed.body));
    expect(comp.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v).summary)).toEqual(['Mine']);
    expect(feed.body).toContain('DTSTART;TZID=Asia/Shanghai:20231108T090000');
    const forged = await h.call(null, { method: 'GET', url: new URL(link).pathname.replace(/.{6}\.ics$/, 'AAAAAA.ics') });
    expect(forged.statusCode).toBe(404);
  });

  it("the agenda feed is in the account's language, though a calendar program fetches it without a session", async () => {
    const ev = await makeEvent(h, staff);
    const s = await makeSession(h, staff, ev.id, { capacity: 5, title: { en: 'Mine', 'zh-Hant': '我的場次' } });
    await publish(h, staff, ev.id);
    const u = await h.user();
    await h.call(u, { method: 'PATCH', url: '/api/v1/auth/me', payload: { locale: 'zh-Hant' } });
    await h.call(u, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Agenda Person', [s.id]) });
    const link = (await h.call(u, { method: 'GET', url: '/api/v1/me/agenda-link' })).json().url as string;
    const comp = new ICAL.Component(ICAL.parse((await h.call(null, { method: 'GET', url: new URL(link).pathname })).body));
    expect(comp.getFirstPropertyValue('x-wr-calname')).toBe('我的行事曆訂閱');
    const [only] = comp.getAllSubcomponents('vevent');
    expect(new ICAL.Event(only).summary).toBe('我的場次');
    expect(new URL(String(only.getFirstPropertyValue('url'))).pathname).toBe(`/zh-hant/events/${ev.slug}/sessions/${s.id}`);
  });
});

describe('visibility and permissions (acceptance 5)', () => {
  it('invitation-only events are invisible without an invitation, visible with one', async () => {
    const ev = await makeEvent(h, staff, { visibility: 'invitation' });
    await publish(h, staff, ev.id);
    const guest = await h.user();
    const stranger = await h.user();
    for (const who of [null, stranger]) {
      expect((await h.call(who, { method: 'GET', url: `/api/v1/events/${ev.id}` })).statusCode).toBe(404);
      expect((await h.call(who, { method: 'GET', url: `/api/v1/events/${ev.slug}/agenda` })).statusCode).toBe(404);
      expect((await h.call(who, { method: 'GET', url: '/api/v1/events' })).json().some((e: { id: string }) => e.id === ev.id)).toBe(false);
    }
    expect(
      (await h.call(stranger, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Stranger') })).statusCode,
    ).toBe(404);
    const r = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/invitations`,
      payload: { email: guest.email, name: 'Guest', category: 'delegate' },
    });
    expect(r.statusCode).toBe(201);
    expect((await h.call(guest, { method: 'GET', url: `/api/v1/events/${ev.id}` })).statusCode).toBe(200);
    expect((await h.call(guest, { method: 'GET', url: '/api/v1/events' })).json().some((e: { id: string }) => e.id === ev.id)).toBe(true);
    expect(
      (await h.call(guest, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Guest') })).statusCode,
    ).toBe(201);
    // Drafts are visible to managers only.
    const draft = await makeEvent(h, staff);
    expect((await h.call(null, { method: 'GET', url: `/api/v1/events/${draft.id}` })).statusCode).toBe(404);
    expect((await h.call(staff, { method: 'GET', url: `/api/v1/events/${draft.id}` })).statusCode).toBe(200);
  });

  it('a delegate sees only their own registration; an event manager sees their event only', async () => {
    const ev = await makeEvent(h, staff);
    const other = await makeEvent(h, staff);
    await publish(h, staff, ev.id);
    const a = await h.user();
    const b = await h.user();
    const ra = (await h.call(a, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('A') })).json();
    const rb = (await h.call(b, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('B') })).json();
    expect((await h.call(a, { method: 'GET', url: `/api/v1/registrations/${ra.id}` })).statusCode).toBe(200);
    expect((await h.call(a, { method: 'GET', url: `/api/v1/registrations/${rb.id}` })).statusCode).toBe(404);
    expect((await h.call(a, { method: 'POST', url: `/api/v1/registrations/${rb.id}/cancel`, payload: {} })).statusCode).toBe(404);
    expect((await h.call(a, { method: 'GET', url: `/api/v1/registrations/${rb.id}/badge.pdf` })).statusCode).toBe(404);
    const mine = (await h.call(a, { method: 'GET', url: '/api/v1/me/registrations' })).json();
    expect(mine.map((r: { id: string }) => r.id)).toEqual([ra.id]);
    expect((await h.call(a, { method: 'GET', url: `/api/v1/events/${ev.id}/registrations` })).statusCode).toBe(404);
    expect(
      (await h.call(a, { method: 'POST', url: `/api/v1/registrations/${ra.id}/decision`, payload: { decision: 'approve' } })).statusCode,
    ).toBe(404);
    const manager = await h.user({ scopes: [{ role: 'event_manager', type: 'event', id: ev.id }] });
    expect((await h.call(manager, { method: 'GET', url: `/api/v1/events/${ev.id}/registrations` })).json()).toHaveLength(2);
    expect((await h.call(manager, { method: 'GET', url: `/api/v1/registrations/${rb.id}` })).statusCode).toBe(200);
    expect((await h.call(manager, { method: 'GET', url: `/api/v1/events/${other.id}/registrations` })).statusCode).toBe(404);
    expect((await h.call(manager, { method: 'POST', url: '/api/v1/events', payload: {} })).statusCode).toBe(403);
  });

  it('channel quotas cannot be exceeded, even by simultaneous invitations; a decline gives the place back', async () => {
    const ev = await makeEvent(h, staff);
    const ch = (
      await h.call(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/channels`, payload: { name: 'Partner organization', quota: 5 } })
    ).json();
    const res = await Promise.all(
      Array.from({ length: 30 }, (_, i) =>
        h.call(staff, {
          method: 'POST',
          url: `/api/v1/events/${ev.id}/invitations`,
          payload: { email: `guest${i}@partner.example`, name: `Guest ${i}`, category: 'delegate', channelId: ch.id },
        }),
      ),
    );
    expect(res.filter((r) => r.statusCode === 201)).toHaveLength(5);
    expect(res.filter((r) => r.statusCode === 409).every((r) => r.json().code === 'quota_exceeded')).toBe(true);
    const [row] = await h.database.rows<{ used: number; n: number }>(
      sql`select used, (select count(*)::int from event_invitations where channel_id = ${ch.id}) as n from event_invitation_channels where id = ${ch.id}`,
    );
    expect(row).toEqual({ used: 5, n: 5 });
    const link = res.find((r) => r.statusCode === 201)!.json().link as string;
    const token = link.split('/').pop()!;
    expect((await h.call(null, { method: 'POST', url: `/api/v1/invitations/${token}/decline`, payload: {} })).json().status).toBe(
      'declined',
    );
    const again = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/invitations`,
      payload: { email: 'late@partner.example', name: 'Late', category: 'delegate', channelId: ch.id },
    });
    expect(again.statusCode).toBe(201);
    // CSV import counts against the same quota: all rows or none.
    const csv = 'email,name,category,channel\nx1@partner.example,X1,delegate,Partner organization\n';
    const imp = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/invitations/import?dryRun=false`,
      ...multipart('guests.csv', csv, 'text/csv'),
    });
    expect(imp.json().written).toBe(0);
    expect(imp.json().errors[0].field).toBe('channel');
  });
});

describe('invitations, registration, waitlist, accreditation, check-in', () => {
  it('invite by CSV; the link is opened, accepted, reminders go to those who did not answer', async () => {
    const ev = await makeEvent(h, staff);
    await publish(h, staff, ev.id);
    const csv =
      'email,name,category,locale\nvip@gov.example,Minister Vip,vip,en\nreporter@media.example,张记者,media,zh-Hans\nbad-address,Nobody,delegate,en\n';
    const dry = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/invitations/import`,
      ...multipart('guests.csv', csv, 'text/csv'),
    });
    expect(dry.json().errors).toHaveLength(1);
    const good = csv.split('\n').slice(0, 3).join('\n');
    const imp = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/invitations/import?dryRun=false`,
      ...multipart('guests.csv', good, 'text/csv'),
    });
    expect(imp.json()).toMatchObject({ written: 2, errors: [] });
    const [m] = await mails('vip@gov.example');
    const token = m.text.match(/invitations\/(\S+)/)![1];
    const open = await h.call(null, { method: 'GET', url: `/api/v1/invitations/${token}` });
    expect(open.json().invitation.status).toBe('opened');
    const vip = await h.user({ email: 'vip@gov.example' });
    expect((await h.call(vip, { method: 'POST', url: `/api/v1/invitations/${token}/accept`, payload: {} })).json().status).toBe('accepted');
    // An uninvited person may not pick the VIP category.
    const plain = await h.user();
    const denied = await h.call(plain, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/registrations`,
      payload: delegate('Plain', [], { category: 'vip' }),
    });
    expect(denied.statusCode).toBe(403);
    expect(
      (
        await h.call(vip, {
          method: 'POST',
          url: `/api/v1/events/${ev.id}/registrations`,
          payload: delegate('Minister Vip', [], { category: 'vip' }),
        })
      ).statusCode,
    ).toBe(201);
    await h.ctx.jobs.runDue(new Date(Date.now() + 6 * 86_400_000));
    const zh = await mails('reporter@media.example');
    expect(zh.map((x) => x.template)).toEqual(['events.invitation', 'events.reminder']);
    expect(zh[1].subject).toContain('提醒');
    expect((await mails('vip@gov.example')).map((x) => x.template)).not.toContain('events.reminder');
    const list = (await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/invitations` })).json();
    expect(list.map((i: { status: string }) => i.status).sort()).toEqual(['accepted', 'sent']);
  });

  it('custom and conditional form fields are checked', async () => {
    const ev = await makeEvent(h, staff, {
      formFields: [
        { key: 'needs_visa', label: { en: 'I need a visa letter' }, type: 'checkbox', required: false },
        {
          key: 'passport_number',
          label: { en: 'Passport number' },
          type: 'text',
          required: true,
          showIf: { field: 'needs_visa', equals: true },
          passport: true,
        },
        {
          key: 'diet',
          label: { en: 'Diet' },
          type: 'select',
          required: false,
          options: [
            { value: 'halal', label: { en: 'Halal' } },
            { value: 'veg', label: { en: 'Vegetarian' } },
          ],
        },
      ],
    });
    await publish(h, staff, ev.id);
    const u = await h.user();
    const post = (answers: Record<string, unknown>) =>
      h.call(u, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Form', [], { answers }) });
    const first = await post({ needs_visa: true });

    expect(first.json().errors[0].path).toBe('answers.passport_number');
    expect((await post({ diet: 'pizza' })).statusCode).toBe(400);
    expect((await post({ unknown: 'x' })).statusCode).toBe(400);
    const ok = await post({ needs_visa: false, passport_number: 'ignored', diet: 'halal' });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().answers).toEqual({ needs_visa: false, diet: 'halal' });
  });

  it('online registrations are approved at once with an access link; on-site ones wait for accreditation', async () => {
    const ev = await makeEvent(h, staff, { onlineUrl: 'https://live.example/summit' });
    await publish(h, staff, ev.id);
    const on = await h.user();
    const r = (
      await h.call(on, {
        method: 'POST',
        url: `/api/v1/events/${ev.id}/registrations`,
        payload: delegate('Online', [], { attendance: 'online' }),
      })
    ).json();
    expect(r.status).toBe('approved');
    expect(r.accessUrl).toMatch(/\/online\?t=/);
    // The link leads to the online venue; a tampered one goes nowhere.
    const access = await h.call(null, { method: 'GET', url: new URL(r.accessUrl).pathname + new URL(r.accessUrl).search });
    expect(access.statusCode).toBe(302);
    expect(access.headers.location).toBe('https://live.example/summit');
    const forged = await h.call(null, {
      method: 'GET',
      url: new URL(r.accessUrl).pathname + new URL(r.accessUrl).search.replace(/.$/, (c) => (c === 'a' ? 'b' : 'a')),
    });
    expect(forged.statusCode).toBe(404);
    const site = await h.user();
    // Closing registration refuses new ones.
    await h.call(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/registration`, payload: { open: false } });
    expect(
      (await h.call(site, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Onsite') })).json().code,
    ).toBe('registration_closed');
    await h.call(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/registration`, payload: { open: true } });
    const p = (await h.call(site, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Onsite') })).json();
    expect(p.status).toBe('pending');
    const queue = (await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/registrations?status=pending` })).json();
    expect(queue.map((x: { id: string }) => x.id)).toEqual([p.id]);
    expect(
      (await h.call(staff, { method: 'POST', url: `/api/v1/registrations/${p.id}/decision`, payload: { decision: 'reject' } })).statusCode,
    ).toBe(400);
    const rej = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/registrations/${p.id}/decision`,
      payload: { decision: 'reject', reason: 'Incomplete details' },
    });
    expect(rej.json()).toMatchObject({ status: 'rejected', reason: 'Incomplete details' });
    expect((await mails(site.email)).at(-1)!.text).toContain('Incomplete details');
    expect(
      (await h.call(staff, { method: 'POST', url: `/api/v1/registrations/${p.id}/decision`, payload: { decision: 'approve' } })).statusCode,
    ).toBe(409);
  });

  it('a full session waitlists; cancelling frees the seat and promotes the first in line with an e-mail; check-in warns on a second scan and a revoked badge', async () => {
    const ev = await makeEvent(h, staff);
    const small = await makeSession(h, staff, ev.id, { capacity: 1, title: { en: 'Roundtable', 'zh-Hans': '圆桌会' } });
    await publish(h, staff, ev.id);
    const g1 = await h.user();
    const g2 = await h.user();
    const g3 = await h.user();
    const r1 = (
      await h.call(g1, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('First', [small.id]) })
    ).json();
    const r2 = (
      await h.call(g2, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Second', [small.id]) })
    ).json();
    const r3 = (await h.call(g3, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Third', []) })).json();
    expect(r1.signups[0]).toMatchObject({ status: 'confirmed' });
    expect(r2.signups[0]).toMatchObject({ status: 'waitlisted', position: 1 });
    const r3b = (
      await h.call(g3, { method: 'POST', url: `/api/v1/registrations/${r3.id}/sessions`, payload: { sessionId: small.id } })
    ).json();
    expect(r3b.signups[0]).toMatchObject({ status: 'waitlisted', position: 2 });
    // A second click on the same sign-up changes nothing.
    expect(
      (await h.call(g3, { method: 'POST', url: `/api/v1/registrations/${r3.id}/sessions`, payload: { sessionId: small.id } })).json()
        .signups[0].position,
    ).toBe(2);
    for (const r of [r1, r2])
      expect(
        (await h.call(staff, { method: 'POST', url: `/api/v1/registrations/${r.id}/decision`, payload: { decision: 'approve' } })).json()
          .status,
      ).toBe('approved');

    const left = await h.call(g1, { method: 'DELETE', url: `/api/v1/registrations/${r1.id}/sessions/${small.id}` });
    expect(left.json().signups).toEqual([]);
    const now2 = (await h.call(g2, { method: 'GET', url: `/api/v1/registrations/${r2.id}` })).json();
    expect(now2.signups[0]).toMatchObject({ status: 'confirmed', position: null });
    expect((await h.call(g3, { method: 'GET', url: `/api/v1/registrations/${r3.id}` })).json().signups[0].position).toBe(1);
    const promo = (await mails(g2.email)).find((m) => m.template === 'events.promotion');
    expect(promo?.text).toContain('Roundtable');

    // Check-in by the badge token: once OK, then a warning.
    const token = (await h.call(g2, { method: 'GET', url: `/api/v1/registrations/${r2.id}/badge-token` })).json().token;
    const scan = () => h.call(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/checkin`, payload: { token } });
    expect((await scan()).json().result).toBe('ok');
    const second = (await scan()).json();
    expect(second.result).toBe('already');
    expect(second.firstAt).toBeTruthy();
    expect(
      (await h.call(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/checkin`, payload: { token, sessionId: small.id } })).json()
        .result,
    ).toBe('ok');
    expect(
      (await h.call(staff, { method: 'POST', url: `/api/v1/events/${ev.id}/checkin`, payload: { token: `${token.slice(0, -2)}xx` } }))
        .statusCode,
    ).toBe(400);
    // A revoked badge warns; a reissued one has a new token and the old one stays revoked.
    await h.call(staff, { method: 'POST', url: `/api/v1/registrations/${r2.id}/badge/revoke`, payload: {} });
    expect((await scan()).json().result).toBe('revoked');
    await h.call(staff, { method: 'POST', url: `/api/v1/registrations/${r2.id}/badge/reissue`, payload: {} });
    expect((await scan()).json().result).toBe('revoked');
    // Search by name for people without their badge.
    const found = (await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/checkin/search?q=Seco` })).json();
    expect(found.map((f: { id: string }) => f.id)).toEqual([r2.id]);
    // Cancelling the whole registration frees the seat for the next in line.
    await h.call(g2, { method: 'POST', url: `/api/v1/registrations/${r2.id}/cancel`, payload: {} });
    expect((await h.call(g3, { method: 'GET', url: `/api/v1/registrations/${r3.id}` })).json().signups[0].status).toBe('confirmed');
    const figures = (await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/figures` })).json();
    expect(figures.byCountry).toEqual({ DE: 2 });
    expect(figures.byContinent).toEqual({ europe: 2 });
    const csv = await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/delegates?format=csv` });
    expect(csv.body).toContain('Second');
    const xlsx = await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/delegates?format=xlsx` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });

  it('raising a session capacity promotes the waitlist in arrival order; lowering it below the confirmed seats is refused', async () => {
    const ev = await makeEvent(h, staff);
    const s = await makeSession(h, staff, ev.id, { capacity: 1 });
    await publish(h, staff, ev.id);
    const regs = [];
    for (const n of ['A', 'B', 'C']) {
      const u = await h.user();
      regs.push((await h.call(u, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate(n, [s.id]) })).json());
    }
    const body = {
      kind: 'sub-forum',
      title: { en: 'Sub-forum' },
      startsAt: '2023-11-08T09:00:00+08:00',
      endsAt: '2023-11-08T10:30:00+08:00',
    };
    const up = await h.call(staff, { method: 'PUT', url: `/api/v1/sessions/${s.id}`, payload: { ...body, capacity: 2 } });
    expect(up.json()).toMatchObject({ confirmed: 2, waiting: 1 });
    const rows = await h.database.rows<{ name: string; status: string }>(
      sql`select r.name, s.status from event_signups s join event_registrations r on r.id = s.registration_id where s.session_id = ${s.id} order by s.arrival`,
    );
    expect(rows.map((r) => `${r.name}:${r.status}`)).toEqual(['A:confirmed', 'B:confirmed', 'C:waitlisted']);
    const down = await h.call(staff, { method: 'PUT', url: `/api/v1/sessions/${s.id}`, payload: { ...body, capacity: 1 } });
    expect(down.statusCode).toBe(409);
    expect(regs).toHaveLength(3);
  });

  it('published public events and their sessions are in the search index; invitation-only ones are not', async () => {
    const pub = await makeEvent(h, staff, { name: { en: 'Searchable Forum', 'zh-Hans': '可检索论坛' } });
    const ps = await makeSession(h, staff, pub.id, { title: { en: 'Searchable session' } });
    const hidden = await makeEvent(h, staff, { visibility: 'invitation' });
    await makeSession(h, staff, hidden.id);
    const members = await makeEvent(h, staff, { visibility: 'members', kind: 'member-day' });
    for (const e of [pub, hidden, members]) await publish(h, staff, e.id);
    const docs = await h.database.rows<{ kind: string; id: string; visibility: string }>(
      sql`select kind, id, visibility from search_docs where id in (${pub.id}, ${ps.id}, ${hidden.id}, ${members.id}) order by kind, visibility`,
    );
    expect(docs).toEqual([
      { kind: 'event', id: members.id, visibility: 'members' },
      { kind: 'event', id: pub.id, visibility: 'public' },
      { kind: 'session', id: ps.id, visibility: 'public' },
    ]);
    // Members-only: not for the anonymous public (membership answers "no" until the membership feature lands).
    expect((await h.call(null, { method: 'GET', url: `/api/v1/events/${members.id}` })).statusCode).toBe(404);
    await h.call(staff, { method: 'POST', url: `/api/v1/events/${pub.id}/unpublish`, payload: {} });
    const [{ n }] = await h.database.rows<{ n: number }>(sql`select count(*)::int as n from search_docs where id in (${pub.id}, ${ps.id})`);
    expect(n).toBe(0);
  });

  it('a rebuild of the search index (`wuzhen search rebuild`) keeps published events and their sessions', async () => {
    const ev = await makeEvent(h, staff, { name: { en: 'Rebuilt Quillfeather Forum', 'zh-Hans': '重建论坛' } });
    const s = await makeSession(h, staff, ev.id, { title: { en: 'Marblewick session on routing' } });
    const draft = await makeEvent(h, staff, { name: { en: 'Unpublished Quillfeather Draft' } });
    await publish(h, staff, ev.id);
    await rebuild(h.ctx, features);
    const find = async (q: string) =>
      (await h.call(null, { method: 'GET', url: `/api/v1/search?q=${encodeURIComponent(q)}` }))
        .json()
        .items.map((i: { kind: string; id: string }) => `${i.kind}:${i.id}`);
    expect(await find('Quillfeather')).toContain(`event:${ev.id}`);
    expect(await find('Marblewick')).toEqual([`session:${s.id}`]);
    expect(await find('Unpublished Quillfeather Draft')).not.toContain(`event:${draft.id}`);
  });

  it("a person's registrations and invitations are in their data export", async () => {
    const ev = await makeEvent(h, staff);
    await publish(h, staff, ev.id);
    const u = await h.user();
    await h.call(staff, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/invitations`,
      payload: { email: u.email, name: 'Exported', category: 'delegate' },
    });
    await h.call(u, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Exported Person') });
    const data = (await h.call(u, { method: 'GET', url: '/api/v1/me/data' })).json();
    expect(data.events.registrations.map((r: { name: string }) => r.name)).toEqual(['Exported Person']);
    expect(data.events.invitations).toHaveLength(1);
  });

  it('mail templates are editable per language', async () => {
    const put = await h.call(staff, {
      method: 'PUT',
      url: '/api/v1/event-mail-templates/approval/en',
      payload: { subject: 'Welcome to {{event}}', body: 'Dear {{name}}, you are in.' },
    });
    expect(put.statusCode).toBe(200);
    const ev = await makeEvent(h, staff);
    await publish(h, staff, ev.id);
    const u = await h.user();
    await h.call(u, {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/registrations`,
      payload: delegate('Tpl', [], { attendance: 'online' }),
    });
    expect((await mails(u.email))[0]).toMatchObject({ subject: 'Welcome to Wuzhen Summit Test', text: 'Dear Tpl, you are in.' });
    const all = (await h.call(staff, { method: 'GET', url: '/api/v1/event-mail-templates' })).json();
    expect(all.filter((t: { customized: boolean }) => t.customized)).toHaveLength(1);
    expect(all).toHaveLength(18);
    await h.call(staff, {
      method: 'PUT',
      url: '/api/v1/event-mail-templates/approval/en',
      payload: {
        subject: 'Your registration is approved: {{event}}',
        body: 'Dear {{name}},\n\nYour registration for {{event}} is approved.\n{{link}}',
      },
    });
  });
});

const pdfText = (buf: Buffer) => {
  const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'wz-pdf-')), 'x.pdf');
  fs.writeFileSync(f, buf);
  return execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-'], { encoding: 'utf8' });
};

describe("a registrant's page for the event's staff (issue 23)", () => {
  it("shows the person, the answers with the event's form, accreditation, badge, visa letter, sessions, check-ins and history", async () => {
    const ev = await makeEvent(h, staff, {
      formFields: [
        { key: 'needs_visa', label: { en: 'I need a visa letter', 'zh-Hans': '需要签证邀请函' }, type: 'checkbox', required: false },
        { key: 'passport_number', label: { en: 'Passport number' }, type: 'text', required: false, passport: true },
        {
          key: 'diet',
          label: { en: 'Diet', 'zh-Hans': '饮食' },
          type: 'select',
          required: false,
          options: [{ value: 'halal', label: { en: 'Halal', 'zh-Hans': '清真' } }],
        },
      ],
    });
    const room = await makeRoom(h, staff, ev.id, 100);
    const session = await makeSession(h, staff, ev.id, { roomId: room.id, capacity: 50, title: { en: 'Opening', 'zh-Hans': '开幕式' } });
    await publish(h, staff, ev.id);
    const u = await h.user({ email: 'delegate.sn@registrant.example' });
    const reg = (
      await h.call(u, {
        method: 'POST',
        url: `/api/v1/events/${ev.id}/registrations`,
        payload: delegate('Amara Diallo', [session.id], {
          countryCode: 'SN',
          organization: 'Dakar Digital Policy Institute',
          stakeholderGroup: 'academia',
          gender: 'female',
          answers: { needs_visa: true, passport_number: 'A0123', diet: 'halal' },
        }),
      })
    ).json();
    const manager = await h.user({ email: 'manager@registrant.example', scopes: [{ role: 'event_manager', type: 'event', id: ev.id }] });
    const url = `/api/v1/events/${ev.id}/registrations/${reg.id}`;
    const before = (await h.call(manager, { method: 'GET', url })).json();
    expect(before).toMatchObject({
      id: reg.id,
      name: 'Amara Diallo',
      status: 'pending',
      countryCode: 'SN',
      stakeholderGroup: 'academia',
      gender: 'female',
      categoryName: { en: 'Delegate', 'zh-Hans': '代表' },
      answers: { needs_visa: true, passport_number: 'A0123', diet: 'halal' },
      badge: { state: 'none', version: 1 },
      visaLetter: 'none',
      checkins: [],
      event: { id: ev.id, timeZone: 'Asia/Shanghai' },
    });
    // The form to read the answers by: labels and the options' labels, not only their values.
    expect(before.formFields.find((f: { key: string }) => f.key === 'diet').options).toEqual([
      { value: 'halal', label: { en: 'Halal', 'zh-Hans': '清真' } },
    ]);
    expect(before.sessions).toEqual([
      expect.objectContaining({ sessionId: session.id, title: { en: 'Opening', 'zh-Hans': '开幕式' }, status: 'confirmed' }),
    ]);
    expect(before.history.map((e: { action: string; actorEmail: string }) => [e.action, e.actorEmail])).toEqual([
      ['event_registration.create', 'delegate.sn@registrant.example'],
    ]);

    // Accredited, checked in, the badge revoked: each shows, and the history tells it newest first, with the reason given.
    await h.call(manager, { method: 'POST', url: `/api/v1/registrations/${reg.id}/decision`, payload: { decision: 'approve' } });
    const approved = (await h.call(manager, { method: 'GET', url })).json();
    expect(approved).toMatchObject({ status: 'approved', badge: { state: 'issued' }, visaLetter: 'ready' });
    await h.call(manager, { method: 'POST', url: `/api/v1/events/${ev.id}/checkin`, payload: { registrationId: reg.id } });
    await h.call(manager, { method: 'POST', url: `/api/v1/registrations/${reg.id}/visa-letter/revoke`, payload: { reason: 'x' } });
    await h.call(u, { method: 'GET', url: `/api/v1/registrations/${reg.id}/visa-letter.pdf` });
    await h.call(manager, {
      method: 'POST',
      url: `/api/v1/registrations/${reg.id}/visa-letter/revoke`,
      payload: { reason: 'Passport withdrawn' },
    });
    await h.call(manager, { method: 'POST', url: `/api/v1/registrations/${reg.id}/badge/revoke`, payload: {} });
    const after = (await h.call(manager, { method: 'GET', url })).json();
    expect(after.badge.state).toBe('revoked');
    expect(after.visaLetter).toBe('revoked');
    expect(after.visaRevokeReason).toBe('Passport withdrawn');
    expect(after.checkins).toEqual([{ at: expect.any(String), sessionId: null, sessionTitle: null }]);
    expect(after.history.map((e: { action: string }) => e.action)).toEqual([
      'event_badge.revoke',
      'event_visa_letter.revoke',
      'event_visa_letter.issue',
      'event_checkin.create',
      'event_registration.approve',
      'event_registration.create',
    ]);
    expect(after.history[1]).toMatchObject({ actorEmail: 'manager@registrant.example', reason: 'Passport withdrawn' });

    // The secretariat reads it too.
    expect((await h.call(staff, { method: 'GET', url })).statusCode).toBe(200);
  });

  it("is refused to other events' managers, to the delegate, and under another event's address", async () => {
    const ev = await makeEvent(h, staff);
    const other = await makeEvent(h, staff);
    await publish(h, staff, ev.id);
    await publish(h, staff, other.id);
    const u = await h.user();
    const reg = (await h.call(u, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Lena') })).json();
    const v = await h.user();
    const theirs = (await h.call(v, { method: 'POST', url: `/api/v1/events/${other.id}/registrations`, payload: delegate('Ola') })).json();
    const otherManager = await h.user({ scopes: [{ role: 'event_manager', type: 'event', id: other.id }] });
    const manager = await h.user({ scopes: [{ role: 'event_manager', type: 'event', id: ev.id }] });
    const get = (who: TestUser | null, eventId: string, id: string) =>
      h.call(who, { method: 'GET', url: `/api/v1/events/${eventId}/registrations/${id}` });
    // The other event's manager: not by this event's address, nor by their own event's.
    expect((await get(otherManager, ev.id, reg.id)).statusCode).toBe(404);
    expect((await get(otherManager, other.id, reg.id)).statusCode).toBe(404);
    expect((await get(otherManager, other.id, theirs.id)).statusCode).toBe(200);
    // This event's manager: not another event's registration put under this event's address.
    expect((await get(manager, ev.id, reg.id)).statusCode).toBe(200);
    expect((await get(manager, ev.id, theirs.id)).statusCode).toBe(404);
    // The delegate reads their own registration elsewhere, not this staff page; anonymous callers sign in first.
    expect((await get(u, ev.id, reg.id)).statusCode).toBe(404);
    expect((await get(null, ev.id, reg.id)).statusCode).toBe(401);
    expect((await get(staff, ev.id, '00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
  });
});

describe('badge and visa-letter PDFs (acceptance 3)', () => {
  it('print Chinese and Latin names, and the letter has a verifiable reference', async () => {
    const ev = await makeEvent(h, staff, {
      formFields: [
        { key: 'passport_number', label: { en: 'Passport number' }, type: 'text', required: true, passport: true },
        { key: 'nationality', label: { en: 'Nationality' }, type: 'text', required: true, passport: true },
        { key: 'birth_date', label: { en: 'Date of birth' }, type: 'date', required: true, passport: true },
        { key: 'passport_expiry', label: { en: 'Passport expiry' }, type: 'date', required: true, passport: true },
      ],
    });
    await publish(h, staff, ev.id);
    const u = await h.user();
    const answers = { passport_number: 'E12345678', nationality: 'Kazakhstan', birth_date: '1985-03-14', passport_expiry: '2031-01-01' };
    const r = (
      await h.call(u, {
        method: 'POST',
        url: `/api/v1/events/${ev.id}/registrations`,
        payload: delegate('张伟', [], { nameLatin: 'Zhang Wei', organization: '深圳开放软件基金会', countryCode: 'KZ', answers }),
      })
    ).json();
    expect((await h.call(u, { method: 'GET', url: `/api/v1/registrations/${r.id}/badge.pdf` })).statusCode).toBe(403);
    await h.call(staff, { method: 'POST', url: `/api/v1/registrations/${r.id}/decision`, payload: { decision: 'approve' } });
    const badge = await h.call(u, { method: 'GET', url: `/api/v1/registrations/${r.id}/badge.pdf` });
    expect(badge.headers['content-type']).toBe('application/pdf');
    const bt = pdfText(badge.rawPayload);
    expect(bt).toContain('张伟');
    expect(bt).toContain('Zhang Wei');
    expect(bt).toContain('深圳开放软件基金会');
    const batch = await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/badges.pdf?category=delegate` });
    expect(pdfText(batch.rawPayload)).toContain('Zhang Wei');
    const sheet = await h.call(staff, { method: 'GET', url: `/api/v1/events/${ev.id}/badges.pdf?category=delegate&layout=sheet` });
    expect(sheet.headers['content-type']).toBe('application/pdf');
    expect(pdfText(sheet.rawPayload)).toContain('Zhang Wei');

    const letter = await h.call(u, { method: 'GET', url: `/api/v1/registrations/${r.id}/visa-letter.pdf` });
    expect(letter.statusCode).toBe(200);
    const lt = pdfText(letter.rawPayload);
    expect(lt).toContain('张伟');
    expect(lt).toContain('Zhang Wei');
    expect(lt).toContain('邀请函');
    expect(lt).toContain('Letter of Invitation');
    expect(lt).toContain('E12345678');
    const ref = lt.match(/WIC-\d{4}-[0-9A-F]{10}/)![0];
    const check = await h.call(null, { method: 'GET', url: `/api/v1/visa-letters/${ref}` });
    expect(check.json()).toMatchObject({ status: 'valid', holder: '张*', holderLatin: 'Zh*** W**' });
    // The letter leads to the public verification page, in the reader's language or the one asked for.
    expect(lt.replace(/\s+/g, '')).toContain(`http://wuzhen.test/en/verify/${ref}`);
    const zh = await h.call(u, { method: 'GET', url: `/api/v1/registrations/${r.id}/visa-letter.pdf?lang=zh-Hans` });
    expect(pdfText(zh.rawPayload).replace(/\s+/g, '')).toContain(`http://wuzhen.test/zh-hans/verify/${ref}`);
    // The same reference on a second download.
    expect(pdfText((await h.call(u, { method: 'GET', url: `/api/v1/registrations/${r.id}/visa-letter.pdf` })).rawPayload)).toContain(ref);
    expect((await h.call(null, { method: 'GET', url: '/api/v1/visa-letters/WIC-2023-0000000000' })).statusCode).toBe(404);
    // Delegates from mainland China get no visa letter.
    const cn = await h.user();
    const rc = (
      await h.call(cn, {
        method: 'POST',
        url: `/api/v1/events/${ev.id}/registrations`,
        payload: delegate('李建国', [], { countryCode: 'CN', answers }),
      })
    ).json();
    await h.call(staff, { method: 'POST', url: `/api/v1/registrations/${rc.id}/decision`, payload: { decision: 'approve' } });
    expect((await h.call(cn, { method: 'GET', url: `/api/v1/registrations/${rc.id}/visa-letter.pdf` })).json().code).toBe(
      'visa_not_needed',
    );
  });
});

describe('visa letter verification (issue 18)', () => {
  const passportFields = ['passport_number', 'nationality', 'birth_date', 'passport_expiry'].map((key) => ({
    key,
    label: { en: key },
    type: key === 'birth_date' || key === 'passport_expiry' ? 'date' : 'text',
    required: true,
    passport: true,
  }));
  const answers = { passport_number: 'E12345678', nationality: 'Kazakhstan', birth_date: '1985-03-14', passport_expiry: '2031-01-01' };

  /** An approved delegate of a new event with a visa letter printed: the registration and the letter's reference. */
  async function letterHolder(ev: { id: string }, name = '张伟', nameLatin = 'Zhang Wei') {
    const u = await h.user();
    const r = (
      await h.call(u, {
        method: 'POST',
        url: `/api/v1/events/${ev.id}/registrations`,
        payload: delegate(name, [], { nameLatin, organization: '深圳开放软件基金会', countryCode: 'KZ', answers }),
      })
    ).json();
    await h.call(staff, { method: 'POST', url: `/api/v1/registrations/${r.id}/decision`, payload: { decision: 'approve' } });
    const letter = await h.call(u, { method: 'GET', url: `/api/v1/registrations/${r.id}/visa-letter.pdf` });
    expect(letter.statusCode).toBe(200);
    const ref = pdfText(letter.rawPayload).match(/WIC-\d{4}-[0-9A-F]{10}/)![0];
    return { u, r: r as { id: string; email: string }, ref };
  }
  const check = (ref: string, remoteAddress = '127.0.0.1') =>
    h.call(null, { method: 'GET', url: `/api/v1/visa-letters/${ref}`, remoteAddress });
  /** Nothing that identifies the holder beyond the masked name. */
  const expectNoPersonalData = (body: string, r: { email: string }) => {
    for (const secret of ['张伟', 'Zhang Wei', 'E12345678', '678', '1985', '2031-01-01', '深圳开放软件基金会', r.email])
      expect(body).not.toContain(secret);
  };

  it('answers valid, revoked or unknown, with only the masked name, nationality, event and dates', async () => {
    const ev = await makeEvent(h, staff, { formFields: passportFields, startDate: '2026-11-06', endDate: '2026-11-08' });
    await publish(h, staff, ev.id);
    const { u, r, ref } = await letterHolder(ev);
    const valid = await check(ref.toLowerCase());
    expect(valid.statusCode).toBe(200);
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
    expect(valid.json()).toEqual({
      reference: ref,
      status: 'valid',
      holder: '张*',
      holderLatin: 'Zh*** W**',
      nationality: 'Kazakhstan',
      event: { en: 'Wuzhen Summit Test', 'zh-Hans': '乌镇峰会测试' },
      startDate: '2026-11-06',
      endDate: '2026-11-08',
      issuedOn: today,
      revokedOn: null,
    });
    expectNoPersonalData(valid.body, r);

    // Only the event's managers revoke, with a reason; it is audited, and the letter is not printed again.
    const byHolder = await h.call(u, { method: 'POST', url: `/api/v1/registrations/${r.id}/visa-letter/revoke`, payload: { reason: 'x' } });
    expect(byHolder.statusCode).toBe(404);
    const noReason = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/registrations/${r.id}/visa-letter/revoke`,
      payload: { reason: ' ' },
    });
    expect(noReason.statusCode).toBe(400);
    const revoke = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/registrations/${r.id}/visa-letter/revoke`,
      payload: { reason: 'Passport number mistyped' },
    });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json()).toMatchObject({ visaRef: ref, visaRevokeReason: 'Passport number mistyped' });
    expect(revoke.json().visaRevokedAt).toBeTruthy();
    const [entry] = await h.database.rows<{ action: string; actor_id: string; after: { reference: string; reason: string } }>(
      sql`select action, actor_id, after from audit_log where entity_id = ${r.id} and action = 'event_visa_letter.revoke'`,
    );
    expect(entry).toEqual({
      action: 'event_visa_letter.revoke',
      actor_id: staff.id,
      after: { reference: ref, reason: 'Passport number mistyped' },
    });
    const again = await h.call(u, { method: 'GET', url: `/api/v1/registrations/${r.id}/visa-letter.pdf` });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('visa_letter_revoked');
    const revoked = await check(ref);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedOn: today, holder: '张*' });
    expectNoPersonalData(revoked.body, r);

    const unknown = await check('WIC-2026-0000000000');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('not_found');

    // Cancelling the registration revokes its letter too; a registration without a letter has nothing to revoke.
    const other = await letterHolder(ev, 'Айгерим Нурланова', 'Aigerim Nurlanova');
    expect((await check(other.ref)).json()).toMatchObject({
      status: 'valid',
      holder: 'Айг**** Нур******',
      holderLatin: 'Aig**** Nur******',
    });
    await h.call(other.u, { method: 'POST', url: `/api/v1/registrations/${other.r.id}/cancel` });
    expect((await check(other.ref)).json()).toMatchObject({ status: 'revoked', revokedOn: today });
    const none = (
      await h.call(await h.user(), {
        method: 'POST',
        url: `/api/v1/events/${ev.id}/registrations`,
        payload: delegate('No Letter', [], { answers }),
      })
    ).json();
    const missing = await h.call(staff, {
      method: 'POST',
      url: `/api/v1/registrations/${none.id}/visa-letter/revoke`,
      payload: { reason: 'x' },
    });
    expect(missing.json().code).toBe('visa_letter_missing');
  });

  it('is a server-rendered page in three languages, kept out of search engines and the sitemap', async () => {
    const ev = await makeEvent(h, staff, { formFields: passportFields });
    await publish(h, staff, ev.id);
    const { r, ref } = await letterHolder(ev);
    const en = await h.call(null, { method: 'GET', url: `/en/verify/${ref}`, remoteAddress: '198.51.100.1' });
    expect(en.statusCode).toBe(200);
    expect(en.body).toContain('<meta name="robots" content="noindex, follow" />');
    expect(en.body).toContain('<strong>Valid</strong> · This letter is valid.');
    expect(en.body).toContain('Zh*** W** / 张*');
    expect(en.body).toContain('Kazakhstan');
    expectNoPersonalData(/<main[\s\S]*<\/main>/.exec(en.body)![0], r);
    const zh = await h.call(null, { method: 'GET', url: `/zh-hant/verify/${ref}`, remoteAddress: '198.51.100.1' });
    expect(zh.body).toContain('<strong>有效</strong> · 該邀請函有效。');
    const unknown = await h.call(null, { method: 'GET', url: '/zh-hans/verify/WIC-2026-0000000000', remoteAddress: '198.51.100.1' });
    expect(unknown.statusCode).toBe(200);
    expect(unknown.body).toContain('未找到该编号的邀请函');
    expect(unknown.body).toContain('没有编号为 WIC-2026-0000000000 的邀请函');
    const sitemap = await h.call(null, { method: 'GET', url: '/sitemap.xml' });
    expect(sitemap.body).toContain('/en/events');
    expect(sitemap.body).not.toContain('/verify');
  });

  it('is limited to 20 checks a minute per address, the page and its API counted together: then 429 rate_limited', async () => {
    const ev = await makeEvent(h, staff, { formFields: passportFields });
    await publish(h, staff, ev.id);
    const { ref } = await letterHolder(ev);
    const guesser = '203.0.113.9';
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) answers.push((await check(`WIC-2026-${String(i).padStart(10, '0')}`, guesser)).statusCode);
    for (let i = 0; i < 10; i++)
      answers.push(
        (await h.call(null, { method: 'GET', url: `/en/verify/WIC-2026-${String(i).padStart(10, '1')}`, remoteAddress: guesser }))
          .statusCode,
      );
    expect(answers).toEqual([...Array(10).fill(404), ...Array(10).fill(200)]);
    const api = await check(ref, guesser);
    expect(api.statusCode).toBe(429);
    expect(api.headers['content-type']).toContain('application/problem+json');
    expect(api.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    expect(Number(api.headers['retry-after'])).toBeGreaterThan(0);
    expect(api.body).not.toContain('Zh***');
    const page = await h.call(null, { method: 'GET', url: `/en/verify/${ref}`, remoteAddress: guesser });
    expect(page.statusCode).toBe(429);
    expect(page.body).toContain('Too many requests');
    expect(page.body).not.toContain('Zh***');
    const json = await h.call(null, { method: 'GET', url: `/api/v1/portal/page?path=/verify/${ref}&locale=en`, remoteAddress: guesser });
    expect(json.json().code).toBe('rate_limited');
    // Other pages and other addresses are not limited.
    expect((await h.call(null, { method: 'GET', url: '/en/events', remoteAddress: guesser })).statusCode).toBe(200);
    expect((await check(ref, '203.0.113.10')).statusCode).toBe(200);
  });
});

describe('calendars follow changes, cancellations and the reader (issue 18)', () => {
  const vevent = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent')[0];
  const sessionBody = (over: Record<string, unknown> = {}) => ({
    kind: 'sub-forum',
    title: { en: 'Opening', 'zh-Hans': '开幕式' },
    startsAt: '2023-11-08T09:00:00+08:00',
    endsAt: '2023-11-08T10:30:00+08:00',
    ...over,
  });

  it('an update raises SEQUENCE, a cancellation is STATUS:CANCELLED, and every .ics passes the strict check', async () => {
    const ev = await makeEvent(h, staff);
    const s = await makeSession(h, staff, ev.id, sessionBody());
    await publish(h, staff, ev.id);
    const ics = async () => {
      const res = await h.call(null, { method: 'GET', url: `/api/v1/sessions/${s.id}/calendar.ics` });
      expect(calendarProblems(res.body)).toEqual([]);
      return vevent(res.body);
    };
    const first = await ics();
    expect(first.getFirstPropertyValue('sequence')).toBe(0);
    expect(first.getFirstPropertyValue('status')).toBe('CONFIRMED');
    const moved = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/sessions/${s.id}`,
      payload: sessionBody({ startsAt: '2023-11-08T11:00:00+08:00', endsAt: '2023-11-08T12:00:00+08:00' }),
    });
    expect(moved.statusCode).toBe(200);
    const second = await ics();
    expect(second.getFirstPropertyValue('uid')).toBe(first.getFirstPropertyValue('uid'));
    expect(second.getFirstPropertyValue('sequence')).toBe(1);
    const byOutsider = await h.call(await h.user(), {
      method: 'POST',
      url: `/api/v1/sessions/${s.id}/cancelled`,
      payload: { cancelled: true },
    });
    expect(byOutsider.statusCode).toBe(404);
    const cancelled = await h.call(staff, { method: 'POST', url: `/api/v1/sessions/${s.id}/cancelled`, payload: { cancelled: true } });
    expect(cancelled.json().cancelled).toBe(true);
    const third = await ics();
    expect(third.getFirstPropertyValue('sequence')).toBe(2);
    expect(third.getFirstPropertyValue('status')).toBe('CANCELLED');
    // A change of the event's venue changes every session's entry (its LOCATION).
    await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/events/${ev.id}`,
      payload: {
        slug: ev.slug,
        kind: 'summit',
        name: { en: 'Wuzhen Summit Test' },
        startDate: '2023-11-08',
        endDate: '2023-11-10',
        timeZone: 'Asia/Shanghai',
        venue: { en: 'Hall 2' },
        mode: 'hybrid',
        visibility: 'public',
        registrationOpen: true,
      },
    });
    expect((await ics()).getFirstPropertyValue('sequence')).toBe(3);
    const whole = await h.call(null, { method: 'GET', url: `/api/v1/events/${ev.id}/calendar.ics` });
    expect(calendarProblems(whole.body)).toEqual([]);
    expect(whole.body).toContain('STATUS:CANCELLED');
    // Nobody signs up for a cancelled session.
    const refused = await h.call(await h.user(), {
      method: 'POST',
      url: `/api/v1/events/${ev.id}/registrations`,
      payload: delegate('Late Person', [s.id], { attendance: 'online' }),
    });
    expect(refused.json().code).toBe('session_cancelled');
  });

  it("the personal feed speaks the account's language unless ?lang= asks for another; both pass the strict check", async () => {
    const ev = await makeEvent(h, staff);
    const s = await makeSession(h, staff, ev.id, sessionBody({ capacity: 10 }));
    await publish(h, staff, ev.id);
    const u = await h.user();
    await h.call(u, { method: 'PATCH', url: '/api/v1/auth/me', payload: { locale: 'zh-Hant' } });
    await h.call(u, { method: 'POST', url: `/api/v1/events/${ev.id}/registrations`, payload: delegate('Feed Person', [s.id]) });
    const feed = new URL((await h.call(u, { method: 'GET', url: '/api/v1/me/agenda-link' })).json().url as string).pathname;
    const read = async (url: string) => {
      const body = (await h.call(null, { method: 'GET', url })).body;
      expect(calendarProblems(body)).toEqual([]);
      const cal = new ICAL.Component(ICAL.parse(body));
      return { name: cal.getFirstPropertyValue('x-wr-calname'), first: cal.getAllSubcomponents('vevent')[0] };
    };
    const zh = await read(feed);
    expect(zh.name).toBe('我的行事曆訂閱');
    expect(zh.first.getFirstPropertyValue('summary')).toBe('開幕式');
    const en = await read(`${feed}?lang=en`);
    expect(en.name).toBe('My calendar feed');
    expect(en.first.getFirstPropertyValue('summary')).toBe('Opening');
    expect(new URL(String(en.first.getFirstPropertyValue('url'))).pathname).toBe(`/en/events/${ev.slug}/sessions/${s.id}`);
  });
});
