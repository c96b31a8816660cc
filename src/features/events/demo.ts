import { eq } from 'drizzle-orm';
import { audit } from '../../platform/audit/index.js';
import type { Db } from '../../platform/db/index.js';
import type { Ctx, DemoRefs } from '../../platform/http/types.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { grantRole } from '../accounts/index.js';
import type { EventInput } from './contract.js';
import { createChannel } from './invitations.js';
import { checkins, events, eventSessions, registrations } from './model.js';
import { signUp } from './registration.js';
import { addRoom, createEvent, createSeries, createSession, reindexEvent } from './service.js';

type Role = 'speaker' | 'moderator' | 'host' | 'panelist' | 'keynote';
interface DemoSession {
  kind: 'ceremony' | 'plenary' | 'sub-forum' | 'roundtable' | 'lecture' | 'special-dialogue';
  title: LocalizedText;
  start: string; // local time "YYYY-MM-DDTHH:mm"
  minutes: number;
  room?: number;
  capacity?: number;
  theme?: string;
  language?: string;
  people?: Array<[string, Role]>;
}

/** Local wall time in a zone → the instant. */
function at(local: string, tz: string) {
  const guess = new Date(`${local}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(guess)
      .map((p) => [p.type, p.value]),
  );
  const shown = Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute);
  return new Date(guess.getTime() - (shown - guess.getTime()));
}

const theme2023: LocalizedText = {
  en: 'Building an Inclusive, Beneficial and Resilient Digital World — Jointly Building a Community with a Shared Future in Cyberspace',
  'zh-Hans': '建设包容、普惠、有韧性的数字世界——携手构建网络空间命运共同体',
};
const sampleNote: LocalizedText = {
  en: 'Demo data: the event is real, the program details and speakers are fictional samples.',
  'zh-Hans': '演示数据：活动真实存在，议程细节与嘉宾为虚构示例。',
};

/** The organization's real events from the seeds (dates, places), with sample programs and speakers from the directory demo. */
export async function seedEventsDemo(ctx: Ctx, refs: DemoRefs) {
  const { db } = ctx;
  const person = (name: string) => refs.people?.get(name);
  const summit = await createSeries(db, null, { slug: 'wuzhen-summit', name: { en: 'Wuzhen Summit', 'zh-Hans': '乌镇峰会' } });
  const silk = await createSeries(db, null, {
    slug: 'digital-silk-road-forum',
    name: { en: 'Digital Silk Road Development Forum', 'zh-Hans': '数字丝路发展论坛' },
  });
  const nishan = await createSeries(db, null, {
    slug: 'nishan-dialogue',
    name: { en: 'Digital Civilization Nishan Dialogue', 'zh-Hans': '数字文明尼山对话' },
  });
  const eventIds = new Map<string, string>();

  async function add(
    input: Omit<EventInput, 'registrationOpen'> & { registrationOpen?: boolean },
    roomDefs: Array<[LocalizedText, number]>,
    sessions: DemoSession[],
    published = true,
  ) {
    const ev = await createEvent(db, null, { registrationOpen: false, ...input, description: input.description ?? sampleNote });
    const roomIds = [];
    for (const [name, capacity] of roomDefs) roomIds.push((await addRoom(db, null, ev.id, { name, capacity })).id);
    for (const s of sessions) {
      const startsAt = at(s.start, input.timeZone);
      await createSession(db, null, ev.id, {
        kind: s.kind,
        title: s.title,
        theme: s.theme ?? null,
        language: s.language ?? 'zh',
        startsAt,
        endsAt: new Date(startsAt.getTime() + s.minutes * 60_000),
        roomId: s.room === undefined ? null : roomIds[s.room],
        capacity: s.capacity ?? null,
        people: (s.people ?? []).flatMap(([n, role]) => (person(n) ? [{ personId: person(n)!, role }] : [])),
      });
    }
    if (published) {
      await db.update(events).set({ status: 'published' }).where(eq(events.id, ev.id));
      await db.transaction((tx) => reindexEvent(tx, ev.id));
    }
    eventIds.set(input.slug, ev.id);
    return ev;
  }

  const wuzhenRooms: Array<[LocalizedText, number]> = [
    [{ en: 'Wuzhen Internet International Convention and Exhibition Center, Main Hall', 'zh-Hans': '乌镇互联网国际会展中心 主会场' }, 1200],
    [{ en: 'Forum Hall A', 'zh-Hans': '分论坛A厅' }, 300],
    [{ en: 'Forum Hall B', 'zh-Hans': '分论坛B厅' }, 200],
    [{ en: 'Roundtable Room', 'zh-Hans': '圆桌会议室' }, 40],
  ];
  await add(
    {
      seriesId: summit.id,
      edition: 2023,
      slug: 'wuzhen-summit-2023',
      kind: 'summit',
      name: { en: '2023 World Internet Conference Wuzhen Summit', 'zh-Hans': '2023年世界互联网大会乌镇峰会' },
      theme: theme2023,
      startDate: '2023-11-08',
      endDate: '2023-11-10',
      timeZone: 'Asia/Shanghai',
      city: { en: 'Wuzhen, Zhejiang', 'zh-Hans': '浙江乌镇' },
      countryCode: 'CN',
      venue: { en: 'Wuzhen Internet International Convention and Exhibition Center', 'zh-Hans': '乌镇互联网国际会展中心' },
      mode: 'hybrid',
      visibility: 'public',
    },
    wuzhenRooms,
    [
      { kind: 'ceremony', title: { en: 'Opening Ceremony', 'zh-Hans': '开幕式' }, start: '2023-11-08T09:30', minutes: 60, room: 0 },
      {
        kind: 'plenary',
        title: { en: 'Plenary Session', 'zh-Hans': '全体会议' },
        start: '2023-11-08T10:45',
        minutes: 90,
        room: 0,
        people: [
          ['Wang Xiaomei', 'moderator'],
          ['Oliver Hughes', 'speaker'],
          ['Wanjiru Kamau', 'speaker'],
        ],
      },
      {
        kind: 'sub-forum',
        title: { en: 'Artificial Intelligence Forum', 'zh-Hans': '人工智能论坛' },
        start: '2023-11-08T14:00',
        minutes: 150,
        room: 1,
        capacity: 300,
        theme: 'ai',
        people: [
          ['Tan Mei Ling', 'keynote'],
          ['Noah Tremblay', 'panelist'],
          ['Li Jianguo', 'panelist'],
        ],
      },
      {
        kind: 'sub-forum',
        title: { en: 'Data Governance Forum', 'zh-Hans': '数据治理论坛' },
        start: '2023-11-08T14:00',
        minutes: 150,
        room: 2,
        capacity: 200,
        theme: 'data',
        people: [
          ['Chen Jing', 'moderator'],
          ['Jonas Becker', 'speaker'],
        ],
      },
      {
        kind: 'roundtable',
        title: { en: 'Government–Enterprise Roundtable', 'zh-Hans': '政企圆桌会' },
        start: '2023-11-09T09:00',
        minutes: 120,
        room: 3,
        capacity: 40,
        people: [
          ['Diego Hernández', 'panelist'],
          ['Fatima Al-Zahra', 'panelist'],
          ['Zhang Wei', 'moderator'],
        ],
      },
      {
        kind: 'sub-forum',
        title: { en: 'Cross-border E-commerce Forum', 'zh-Hans': '跨境电商论坛' },
        start: '2023-11-09T14:00',
        minutes: 150,
        room: 1,
        capacity: 300,
        theme: 'e-commerce',
        people: [
          ['Ana Souza', 'speaker'],
          ['Budi Santoso', 'speaker'],
        ],
      },
      {
        kind: 'special-dialogue',
        title: { en: 'Special Dialogue: Bridging the Digital Divide', 'zh-Hans': '特别对话：弥合数字鸿沟' },
        start: '2023-11-09T14:00',
        minutes: 90,
        room: 2,
        capacity: 200,
        theme: 'digital-divide',
        language: 'en',
        people: [
          ['Chinedu Okafor', 'speaker'],
          ['Abebe Tesfaye', 'speaker'],
          ['Priya Sharma', 'moderator'],
        ],
      },
      {
        kind: 'lecture',
        title: { en: 'Distinguished Lecture', 'zh-Hans': '名人大讲堂' },
        start: '2023-11-10T10:00',
        minutes: 60,
        room: 2,
        capacity: 200,
        language: 'en',
        people: [['Ken Sato', 'keynote']],
      },
    ],
  );
  await add(
    {
      seriesId: silk.id,
      edition: 2024,
      slug: 'digital-silk-road-forum-2024',
      kind: 'regional-forum',
      name: { en: 'Digital Silk Road Development Forum', 'zh-Hans': '数字丝路发展论坛' },
      theme: { en: 'The Digital Silk Road of the 21st Century', 'zh-Hans': '21世纪的数字丝绸之路' },
      startDate: '2024-04-16',
      endDate: '2024-04-16',
      timeZone: 'Asia/Shanghai',
      city: { en: "Xi'an, Shaanxi", 'zh-Hans': '陕西西安' },
      countryCode: 'CN',
      mode: 'in-person',
      visibility: 'public',
    },
    [[{ en: 'Main Hall', 'zh-Hans': '主会场' }, 400]],
    [
      { kind: 'ceremony', title: { en: 'Opening', 'zh-Hans': '开幕式' }, start: '2024-04-16T09:00', minutes: 45, room: 0 },
      {
        kind: 'plenary',
        title: { en: 'Building the Digital Silk Road Together', 'zh-Hans': '共建数字丝绸之路' },
        start: '2024-04-16T10:00',
        minutes: 120,
        room: 0,
        people: [
          ['Aigerim Nurlanova', 'speaker'],
          ['Milica Jovanović', 'speaker'],
          ['Dmitry Orlov', 'panelist'],
        ],
      },
    ],
  );
  await add(
    {
      edition: 2024,
      slug: 'computing-network-forum-2024',
      kind: 'overseas-forum',
      name: { en: 'Computing Network Forum', 'zh-Hans': '“算力网络”专题论坛' },
      startDate: '2024-02-26',
      endDate: '2024-02-26',
      timeZone: 'Europe/Madrid',
      city: { en: 'Spain', 'zh-Hans': '西班牙' },
      countryCode: 'ES',
      mode: 'hybrid',
      visibility: 'public',
    },
    [[{ en: 'Forum Room', 'zh-Hans': '论坛会场' }, 150]],
    [
      {
        kind: 'sub-forum',
        title: { en: 'Latest Advances in Computing Power', 'zh-Hans': '算力发展最新成果' },
        start: '2024-02-26T10:00',
        minutes: 180,
        room: 0,
        capacity: 150,
        language: 'en',
        people: [
          ['Lucía Fernández', 'moderator'],
          ['Li Jianguo', 'speaker'],
          ['Camille Dubois', 'speaker'],
        ],
      },
    ],
  );
  await add(
    {
      seriesId: nishan.id,
      edition: 2023,
      slug: 'nishan-dialogue-2023',
      kind: 'dialogue',
      name: { en: 'Digital Civilization Nishan Dialogue', 'zh-Hans': '数字文明尼山对话' },
      theme: {
        en: 'The Age of AI: Building a Digital World of Exchange, Mutual Learning and Inclusiveness',
        'zh-Hans': '人工智能时代：构建交流、互鉴、包容的数字世界',
      },
      startDate: '2023-06-28',
      endDate: '2023-06-28',
      timeZone: 'Asia/Shanghai',
      city: { en: 'Qufu, Shandong', 'zh-Hans': '山东曲阜' },
      countryCode: 'CN',
      mode: 'in-person',
      visibility: 'public',
    },
    [[{ en: 'Nishan Hall', 'zh-Hans': '尼山厅' }, 300]],
    [
      {
        kind: 'special-dialogue',
        title: { en: 'Civilizations in the Age of AI', 'zh-Hans': '人工智能时代的文明对话' },
        start: '2023-06-28T09:30',
        minutes: 150,
        room: 0,
        people: [
          ['Zhao Min', 'speaker'],
          ['Ahmed Hassan', 'speaker'],
          ['Emily Carter', 'moderator'],
        ],
      },
    ],
  );
  const next = await add(
    {
      seriesId: summit.id,
      edition: 2026,
      slug: 'wuzhen-summit-2026',
      kind: 'summit',
      name: { en: '2026 World Internet Conference Wuzhen Summit (sample)', 'zh-Hans': '2026年世界互联网大会乌镇峰会（示例）' },
      theme: { en: 'Jointly Building a Community with a Shared Future in Cyberspace', 'zh-Hans': '携手构建网络空间命运共同体' },
      description: {
        en: 'A sample upcoming edition, open for registration in the demo. Dates are fictional.',
        'zh-Hans': '演示用的示例届次，开放报名，日期为虚构。',
      },
      startDate: '2026-12-08',
      endDate: '2026-12-10',
      timeZone: 'Asia/Shanghai',
      city: { en: 'Wuzhen, Zhejiang', 'zh-Hans': '浙江乌镇' },
      countryCode: 'CN',
      venue: { en: 'Wuzhen Internet International Convention and Exhibition Center', 'zh-Hans': '乌镇互联网国际会展中心' },
      mode: 'hybrid',
      visibility: 'public',
      registrationOpen: true,
      onlineUrl: 'https://live.wuzhen.example/2026',
      formFields: [
        {
          key: 'needs_visa',
          label: { en: 'I need a visa invitation letter', 'zh-Hans': '需要签证邀请函' },
          type: 'checkbox',
          required: false,
        },
        {
          key: 'passport_number',
          label: { en: 'Passport number', 'zh-Hans': '护照号码' },
          type: 'text',
          required: true,
          showIf: { field: 'needs_visa', equals: true },
          passport: true,
        },
        {
          key: 'nationality',
          label: { en: 'Nationality (as in passport)', 'zh-Hans': '国籍（与护照一致）' },
          type: 'text',
          required: true,
          showIf: { field: 'needs_visa', equals: true },
          passport: true,
        },
        {
          key: 'birth_date',
          label: { en: 'Date of birth', 'zh-Hans': '出生日期' },
          type: 'date',
          required: true,
          showIf: { field: 'needs_visa', equals: true },
          passport: true,
        },
        {
          key: 'passport_expiry',
          label: { en: 'Passport expiry date', 'zh-Hans': '护照有效期' },
          type: 'date',
          required: true,
          showIf: { field: 'needs_visa', equals: true },
          passport: true,
        },
        {
          key: 'dietary',
          label: { en: 'Dietary requirements', 'zh-Hans': '饮食要求' },
          type: 'select',
          required: false,
          options: [
            { value: 'none', label: { en: 'None', 'zh-Hans': '无' } },
            { value: 'vegetarian', label: { en: 'Vegetarian', 'zh-Hans': '素食' } },
            { value: 'halal', label: { en: 'Halal', 'zh-Hans': '清真' } },
            { value: 'other', label: { en: 'Other (we will ask)', 'zh-Hans': '其他（会后联系）' } },
          ],
        },
      ],
    },
    wuzhenRooms,
    [
      { kind: 'ceremony', title: { en: 'Opening Ceremony', 'zh-Hans': '开幕式' }, start: '2026-12-08T09:30', minutes: 60, room: 0 },
      {
        kind: 'sub-forum',
        title: { en: 'AI for Good Forum', 'zh-Hans': '人工智能赋能公益论坛' },
        start: '2026-12-08T14:00',
        minutes: 150,
        room: 1,
        capacity: 300,
        theme: 'ai',
        people: [['Tan Mei Ling', 'keynote']],
      },
      {
        kind: 'roundtable',
        title: { en: 'Government–Enterprise Roundtable', 'zh-Hans': '政企圆桌会' },
        start: '2026-12-09T09:00',
        minutes: 120,
        room: 3,
        capacity: 30,
        people: [['Zhang Wei', 'moderator']],
      },
      {
        kind: 'lecture',
        title: { en: 'Distinguished Lecture', 'zh-Hans': '名人大讲堂' },
        start: '2026-12-10T10:00',
        minutes: 60,
        room: 2,
        capacity: 200,
        language: 'en',
      },
    ],
  );
  await createChannel(db, null, next.id, { name: 'Member organizations', quota: 60 });
  await createChannel(db, null, next.id, { name: 'Partner: Steppe Digital Silk Road Centre', quota: 20 });
  // A forum organiser outside the secretariat runs the upcoming summit as its event manager.
  const manager = refs.accounts?.get('forum@wuzhen.example');
  if (manager) await grantRole(db, manager, 'event_manager', { type: 'event', id: next.id });
  await seedRegistrations(db, refs, next.id, manager);
  refs.events = eventIds;
}

/**
 * Two delegates of the upcoming summit for its staff's accreditation list, with their history: 王晓梅
 * (member@, of the Hangzhou lab) accredited by the event's manager and checked in; Amara Diallo
 * (reviewer@, from Senegal) waiting for accreditation, with the details of her visa letter.
 */
async function seedRegistrations(db: Db, refs: DemoRefs, eventId: string, managerId: string | undefined) {
  const sessions = await db
    .select({ id: eventSessions.id, title: eventSessions.title })
    .from(eventSessions)
    .where(eq(eventSessions.eventId, eventId));
  const session = (en: string) => sessions.find((x) => x.title.en === en)?.id;
  const manager = managerId ? { userId: managerId, email: 'forum@wuzhen.example' } : null;
  const delegates: Array<{
    email: string;
    name: string;
    nameLatin: string;
    organization: string;
    countryCode: string;
    stakeholderGroup: string;
    answers: Record<string, string | boolean>;
    sessions: string[];
    approved: boolean;
  }> = [
    {
      email: 'member@wuzhen.example',
      name: '王晓梅',
      nameLatin: 'Wang Xiaomei',
      organization: '杭州网络空间治理实验室',
      countryCode: 'CN',
      stakeholderGroup: 'academia',
      answers: { needs_visa: false, dietary: 'vegetarian' },
      sessions: ['AI for Good Forum'],
      approved: true,
    },
    {
      email: 'reviewer@wuzhen.example',
      name: 'Amara Diallo',
      nameLatin: 'Amara Diallo',
      organization: 'Dakar Digital Policy Institute',
      countryCode: 'SN',
      stakeholderGroup: 'academia',
      answers: {
        needs_visa: true,
        passport_number: 'A01234567',
        nationality: 'Senegal',
        birth_date: '1984-03-12',
        passport_expiry: '2031-05-30',
        dietary: 'halal',
      },
      sessions: ['Distinguished Lecture'],
      approved: false,
    },
  ];
  for (const d of delegates) {
    const userId = refs.accounts?.get(d.email);
    if (!userId) continue;
    const holder = { userId, email: d.email };
    await db.transaction(async (tx) => {
      const [reg] = await tx
        .insert(registrations)
        .values({
          eventId,
          userId,
          category: 'delegate',
          attendance: 'on-site',
          status: d.approved ? 'approved' : 'pending',
          name: d.name,
          nameLatin: d.nameLatin,
          organization: d.organization,
          countryCode: d.countryCode,
          stakeholderGroup: d.stakeholderGroup,
          gender: 'female',
          email: d.email,
          answers: d.answers,
          decidedAt: d.approved ? new Date() : null,
        })
        .returning();
      await audit(tx, {
        actor: holder,
        action: 'event_registration.create',
        entity: 'event_registration',
        entityId: reg.id,
        after: { category: reg.category, attendance: reg.attendance },
      });
      for (const title of d.sessions) {
        const sid = session(title);
        if (!sid) continue;
        const r = await signUp(tx, reg.id, sid, { fresh: true, eventId });
        await audit(tx, { actor: holder, action: 'event_signup.create', entity: 'event_registration', entityId: reg.id, after: r });
      }
      if (!d.approved) return;
      await audit(tx, {
        actor: manager,
        action: 'event_registration.approve',
        entity: 'event_registration',
        entityId: reg.id,
        before: { status: 'pending' },
        after: { status: 'approved' },
      });
      await tx.insert(checkins).values({ registrationId: reg.id, sessionId: null, byUserId: managerId ?? null });
      await audit(tx, {
        actor: manager,
        action: 'event_checkin.create',
        entity: 'event_registration',
        entityId: reg.id,
        after: { sessionId: null },
      });
    });
  }
}
