import type { EventT } from './types';

/** An event and a registration as the API answers them, for the events' component tests. */
export const eventFixture: EventT = {
  id: '00000000-0000-4000-8000-000000000001',
  seriesId: null,
  edition: null,
  slug: 'summit',
  kind: 'summit',
  name: { en: 'World Internet Conference', 'zh-Hans': '世界互联网大会' },
  description: {},
  theme: {},
  startDate: '2026-11-08',
  endDate: '2026-11-10',
  timeZone: 'Asia/Shanghai',
  city: { en: 'Wuzhen', 'zh-Hans': '乌镇' },
  countryCode: 'CN',
  venue: {},
  mode: 'hybrid',
  visibility: 'public',
  status: 'published',
  registrationOpen: true,
  categories: [
    { key: 'speaker', name: { en: 'Speaker', 'zh-Hans': '演讲嘉宾' }, color: '#c0392b', invitationOnly: true, attendance: ['on-site'] },
    {
      key: 'youth',
      name: { en: 'Youth delegate', 'zh-Hans': '青年代表', 'zh-Hant': '青年代表' },
      color: '#1f6feb',
      invitationOnly: false,
      attendance: ['on-site'],
    },
  ],
  formFields: [],
};

export const registrationFixture = (over: Record<string, unknown> = {}) => ({
  id: '00000000-0000-4000-8000-0000000000a1',
  eventId: eventFixture.id,
  userId: '00000000-0000-4000-8000-0000000000b1',
  category: 'youth',
  attendance: 'on-site',
  status: 'pending',
  reason: null,
  name: 'Amina Diallo',
  nameLatin: null,
  organization: 'Dakar Youth Network',
  countryCode: 'SN',
  email: 'amina@example.org',
  answers: {},
  visaRef: null,
  visaIssuedAt: null,
  visaRevokedAt: null,
  visaRevokeReason: null,
  badgeRevoked: false,
  accessUrl: null,
  createdAt: '2026-10-01T08:00:00.000Z',
  signups: [],
  ...over,
});

export const roomFixture = {
  id: '00000000-0000-4000-8000-0000000000d1',
  eventId: eventFixture.id,
  name: { en: 'Hall A', 'zh-Hans': 'A厅' },
  capacity: 200,
};

/** A session as the agenda answers it, in the event's time zone (Asia/Shanghai, UTC+8). */
export const sessionFixture = (over: Record<string, unknown> = {}) => ({
  id: '00000000-0000-4000-8000-0000000000e1',
  eventId: eventFixture.id,
  kind: 'sub-forum',
  title: { en: 'Data governance', 'zh-Hans': '数据治理' },
  description: {},
  theme: null,
  language: null,
  startsAt: '2026-11-08T01:00:00.000Z',
  endsAt: '2026-11-08T02:30:00.000Z',
  roomId: roomFixture.id,
  roomName: roomFixture.name,
  capacity: null,
  confirmed: 0,
  waiting: 0,
  coOrganizers: [],
  people: [],
  cancelled: false,
  ...over,
});

/** The agenda of the event with the given sessions. */
export const agendaFixture = (sessions: unknown[]) => ({
  event: eventFixture,
  timeZone: eventFixture.timeZone,
  days: ['2026-11-08'],
  rooms: [roomFixture],
  themes: [],
  languages: [],
  sessions,
});
