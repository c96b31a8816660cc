import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { calendarProblems } from '../../test/calendar.js';
import { buildIcs, type IcsSession } from './documents.js';

const session = (over: Partial<IcsSession> = {}): IcsSession => ({
  id: '7d1c1f9e-1111-4222-8333-944445555666',
  title: { en: 'Opening plenary', 'zh-Hans': '开幕式' },
  description: { en: 'Welcome and keynote addresses, with a description long enough to be folded over several lines of the file.' },
  startsAt: new Date('2026-11-06T01:30:00Z'),
  endsAt: new Date('2026-11-06T03:00:00Z'),
  roomName: { en: 'Main hall', 'zh-Hans': '主会场' },
  people: [{ name: '王伟', nameLatin: 'Wang Wei', role: 'speaker' }],
  ...over,
});

const build = (sessions: IcsSession[], locale: 'en' | 'zh-Hans' | 'zh-Hant' = 'en') =>
  buildIcs({
    name: 'Wuzhen Summit',
    timeZone: 'Asia/Shanghai',
    host: 'wuzhen.test',
    locale,
    venue: 'Wuzhen',
    sessions: sessions.map((s) => ({ ...s, eventTimeZone: s.id.startsWith('0') ? 'Europe/Berlin' : undefined })),
    url: (s) => `https://wuzhen.test/${locale === 'en' ? 'en' : locale.toLowerCase()}/events/summit/sessions/${s.id}`,
  });

const events = (text: string) => new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');

describe('calendar files', () => {
  it('are valid RFC 5545: UTC DTSTAMP, a VTIMEZONE for every zone used, folded lines, SEQUENCE and STATUS', () => {
    const text = build([session(), session({ id: '0a1b2c3d-1111-4222-8333-944445555666', title: { en: 'Side event in Berlin' } })]);
    expect(calendarProblems(text)).toEqual([]);
    expect(text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/m);
  });

  it('tell calendars about changes and cancellations: a stable UID, a rising SEQUENCE, STATUS:CANCELLED', () => {
    const changedAt = new Date('2026-10-01T08:00:00Z');
    const before = events(build([session({ sequence: 0 })]))[0];
    const after = events(build([session({ sequence: 2, updatedAt: changedAt, startsAt: new Date('2026-11-06T02:00:00Z') })]))[0];
    const cancelled = events(build([session({ sequence: 3, cancelled: true })]))[0];
    expect(after.getFirstPropertyValue('uid')).toBe(before.getFirstPropertyValue('uid'));
    expect(Number(after.getFirstPropertyValue('sequence'))).toBeGreaterThan(Number(before.getFirstPropertyValue('sequence')));
    expect(String(after.getFirstPropertyValue('dtstamp'))).toBe('2026-10-01T08:00:00Z');
    expect(after.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(cancelled.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(calendarProblems(build([session({ sequence: 3, cancelled: true })]))).toEqual([]);
  });

  it('speak the reader’s language', () => {
    const zh = events(build([session()], 'zh-Hant'))[0];
    expect(zh.getFirstPropertyValue('summary')).toBe('開幕式');
    expect(String(zh.getFirstPropertyValue('url'))).toContain('/zh-hant/');
  });

  it('the strict check catches what calendar programs trip over', () => {
    const good = build([session()]);
    expect(calendarProblems(good.replace(/^DTSTAMP:(\d{8}T\d{6})Z$/m, 'DTSTAMP:$1'))).toContainEqual(
      expect.stringContaining('DTSTAMP not in UTC'),
    );
    expect(calendarProblems(good.replace(/BEGIN:VTIMEZONE[\s\S]*?END:VTIMEZONE\r\n/, ''))).toContainEqual(
      expect.stringContaining('no VTIMEZONE'),
    );
    expect(calendarProblems(good.replace(/^SEQUENCE:.*\r\n/m, ''))).toContainEqual(expect.stringContaining('SEQUENCE'));
    expect(calendarProblems(good.replaceAll('\r\n', '\n'))).not.toEqual([]);
  });
});
