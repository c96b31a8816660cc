import { eq } from 'drizzle-orm';
import type { Ctx, DemoRefs } from '../../platform/http/types.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { ensureUser, grantRole } from '../accounts/index.js';
import { createOrganization, createPerson, demoOrganizations, linkPersonToUser } from '../directory/index.js';
import { nextRenewal } from './import.js';
import { addDays, isoDay, syncMemberIndex } from './members.js';
import {
  applicationMessages,
  membershipApplications,
  membershipCategories,
  membershipHistory,
  memberships,
  representationGoals,
} from './model.js';
import { contactRole } from './policy.js';
import { createApplication } from './service.js';

const registration = { key: 'registration', label: { en: 'Registration certificate', 'zh-Hans': '登记证书', 'zh-Hant': '登記證書' } };
export const demoCategories = [
  {
    key: 'institutional',
    applicantKind: 'organization',
    sortOrder: 1,
    name: { en: 'Institutional member', 'zh-Hans': '机构会员', 'zh-Hant': '機構會員' },
    requiredFields: ['organization.website', 'motivation'],
    requiredDocuments: [registration],
  },
  {
    key: 'enterprise',
    applicantKind: 'organization',
    sortOrder: 2,
    name: { en: 'Enterprise member', 'zh-Hans': '企业会员', 'zh-Hant': '企業會員' },
    requiredFields: ['organization.website', 'motivation'],
    requiredDocuments: [registration],
  },
  {
    key: 'academic',
    applicantKind: 'organization',
    sortOrder: 3,
    name: { en: 'Academic member', 'zh-Hans': '学术会员', 'zh-Hant': '學術會員' },
    requiredFields: ['motivation'],
    requiredDocuments: [registration],
  },
  {
    key: 'individual',
    applicantKind: 'individual',
    sortOrder: 4,
    name: { en: 'Individual member', 'zh-Hans': '个人会员', 'zh-Hant': '個人會員' },
    requiredFields: ['motivation'],
    requiredDocuments: [{ key: 'cv', label: { en: 'Curriculum vitae', 'zh-Hans': '个人简历', 'zh-Hant': '個人履歷' } }],
  },
] as const;

type Group = 'government' | 'international-organization' | 'business' | 'technical-community' | 'civil-society' | 'academia';
const categoryOf = (g: string) => (g === 'business' ? 'enterprise' : g === 'academia' ? 'academic' : 'institutional');

/** Places of the further fictional members: 34 cities in 29 countries on six continents. */
const places: Array<[string, string, string]> = [
  ['CN', 'Wuzhen', '乌镇'],
  ['CN', 'Shanghai', '上海'],
  ['CN', 'Guangzhou', '广州'],
  ['CN', 'Chengdu', '成都'],
  ['CN', "Xi'an", '西安'],
  ['CN', 'Qufu', '曲阜'],
  ['HK', 'Kowloon', '九龙'],
  ['SG', 'Marina Bay', '滨海湾'],
  ['JP', 'Osaka', '大阪'],
  ['KR', 'Busan', '釜山'],
  ['IN', 'Bengaluru', '班加罗尔'],
  ['ID', 'Surabaya', '泗水'],
  ['AE', 'Dubai', '迪拜'],
  ['KZ', 'Almaty', '阿拉木图'],
  ['TH', 'Bangkok', '曼谷'],
  ['ES', 'Madrid', '马德里'],
  ['DE', 'Munich', '慕尼黑'],
  ['FR', 'Lyon', '里昂'],
  ['GB', 'Manchester', '曼彻斯特'],
  ['RS', 'Novi Sad', '诺维萨德'],
  ['RU', 'Kazan', '喀山'],
  ['IT', 'Milan', '米兰'],
  ['KE', 'Mombasa', '蒙巴萨'],
  ['NG', 'Lagos', '拉各斯'],
  ['EG', 'Alexandria', '亚历山大'],
  ['ZA', 'Johannesburg', '约翰内斯堡'],
  ['ET', 'Addis Ababa', '亚的斯亚贝巴'],
  ['BR', 'São Paulo', '圣保罗'],
  ['AR', 'Córdoba', '科尔多瓦'],
  ['CL', 'Valparaíso', '瓦尔帕莱索'],
  ['MX', 'Guadalajara', '瓜达拉哈拉'],
  ['US', 'Seattle', '西雅图'],
  ['CA', 'Toronto', '多伦多'],
  ['AU', 'Sydney', '悉尼'],
];

const patterns: Array<{ en: string; zh: string; group: Group }> = [
  { en: 'Digital Economy Institute', zh: '数字经济研究院', group: 'academia' },
  { en: 'Internet Society', zh: '互联网协会', group: 'civil-society' },
  { en: 'Data Technology Company', zh: '数据科技公司', group: 'business' },
  { en: 'Cybersecurity Centre', zh: '网络安全中心', group: 'technical-community' },
  { en: 'Digital Government Bureau', zh: '数字政府局', group: 'government' },
  { en: 'Regional Digital Cooperation Organization', zh: '区域数字合作组织', group: 'international-organization' },
];

const individuals = [
  { name: '周明', latin: 'Zhou Ming', country: 'CN', gender: 'male' },
  { name: 'Sofía Ramírez', country: 'MX', gender: 'female' },
  { name: 'Kwame Otieno', country: 'KE', gender: 'male' },
  { name: 'Lena Vogel', country: 'DE', gender: 'female' },
  { name: 'Arjun Mehta', country: 'IN', gender: 'male' },
  { name: 'Olivia Brown', country: 'AU', gender: 'female' },
] as const;

export interface DemoMember {
  key: string;
  kind: 'organization' | 'individual';
  name: LocalizedText;
  country: string;
  group: string;
  category: string;
  startDate: string;
  status: 'active' | 'grace' | 'lapsed' | 'suspended';
  optIn: boolean;
}

/** The demo members, computed the same way for the seed and for the tests that check the dashboard. */
export function demoMemberPlan(today: string): DemoMember[] {
  const list: Array<Omit<DemoMember, 'startDate' | 'status' | 'optIn'>> = [
    ...demoOrganizations.map((o) => ({
      key: o.key,
      kind: 'organization' as const,
      name: o.name,
      country: o.country,
      group: o.group,
      category: categoryOf(o.group),
    })),
    ...[0, 2, 4].flatMap((offset) =>
      places.map(([country, en, zh], i) => {
        const p = patterns[(i + offset) % patterns.length];
        return {
          key: `${country}-${en}-${p.group}`.toLowerCase().replace(/[^a-z0-9]+/g, '-'),
          kind: 'organization' as const,
          name: { en: `${en} ${p.en}`, 'zh-Hans': `${zh}${p.zh}` },
          country,
          group: p.group,
          category: categoryOf(p.group),
        };
      }),
    ),
    ...individuals.map((p) => ({
      key: `person-${('latin' in p ? p.latin : p.name).toLowerCase().replace(/[^a-z]+/g, '-')}`,
      kind: 'individual' as const,
      name: { en: 'latin' in p ? p.latin : p.name },
      country: p.country,
      group: 'individual',
      category: 'individual',
    })),
  ];
  const years = [2022, 2023, 2023, 2024, 2024, 2025, 2025, 2026];
  return list.map((m, i) => {
    let startDate = `${years[i % years.length]}-${String(((i * 7) % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')}`;
    if (startDate >= today) startDate = `${Number(today.slice(0, 4)) - 1}${startDate.slice(4)}`;
    // A few members show the other states: in grace, lapsed, suspended; about one in ten is not listed publicly.
    const status = m.key === 'hz-lab' ? 'active' : i === 40 ? 'grace' : i === 75 ? 'lapsed' : i === 110 ? 'suspended' : 'active';
    return { ...m, startDate, status, optIn: m.key === 'hz-lab' || i % 10 !== 9 };
  });
}

export const demoGoals = [
  {
    dimension: 'continent',
    rule: 'min_distinct',
    target: 6,
    label: { en: 'Members on six continents', 'zh-Hans': '会员覆盖六大洲', 'zh-Hant': '會員覆蓋六大洲' },
  },
  {
    dimension: 'country',
    rule: 'max_share',
    target: 40,
    label: { en: 'No country above 40% of members', 'zh-Hans': '单一国家会员占比不超过40%', 'zh-Hant': '單一國家會員占比不超過40%' },
  },
  {
    dimension: 'country',
    rule: 'min_distinct',
    target: 30,
    label: { en: 'At least 30 countries', 'zh-Hans': '会员来自至少30个国家', 'zh-Hant': '會員來自至少30個國家' },
  },
  {
    dimension: 'continent',
    rule: 'max_share',
    target: 45,
    label: { en: 'No continent above 45% of members', 'zh-Hans': '单一大洲会员占比不超过45%', 'zh-Hant': '單一大洲會員占比不超過45%' },
  },
] as const;

export async function seedMembershipDemo(ctx: Ctx, refs: DemoRefs) {
  const { db } = ctx;
  const now = new Date();
  const today = isoDay(now);
  const cats = new Map<string, { id: string; termMonths: number }>();
  for (const c of demoCategories) {
    const [row] = await db
      .insert(membershipCategories)
      .values({
        ...c,
        requiredFields: [...c.requiredFields],
        requiredDocuments: [...c.requiredDocuments],
        description: {},
        termMonths: 12,
        graceDays: 60,
        reminderDays: [60, 14],
      })
      .onConflictDoNothing()
      .returning();
    if (row) cats.set(c.key, row);
  }
  if (cats.size < demoCategories.length) return; // already seeded
  const orgIds = refs.organizations ?? new Map<string, string>();
  const personIds = refs.people ?? new Map<string, string>();
  const memberIds = new Map<string, string>();
  for (const m of demoMemberPlan(today)) {
    await db.transaction(async (tx) => {
      let organizationId: string | null = null;
      let personId: string | null = null;
      if (m.kind === 'organization') {
        organizationId =
          orgIds.get(m.key) ??
          (
            await createOrganization(tx as never, null, {
              name: m.name,
              countryCode: m.country,
              stakeholderGroup: m.group as Group,
              description: { en: 'A fictional organization in the demo data.', 'zh-Hans': '演示数据中的虚构机构。' },
            })
          ).id;
        orgIds.set(m.key, organizationId);
      } else {
        const p = individuals.find((x) => `person-${('latin' in x ? x.latin : x.name).toLowerCase().replace(/[^a-z]+/g, '-')}` === m.key)!;
        personId = (
          await createPerson(tx as never, null, {
            name: p.name,
            nameLatin: 'latin' in p ? p.latin : null,
            countryCode: p.country,
            gender: p.gender,
            email: `${m.key.slice(7)}@example.org`,
            affiliations: [],
          })
        ).id;
      }
      const cat = cats.get(m.category)!;
      let renewalDate = nextRenewal(m.startDate, cat.termMonths, today);
      let graceUntil: string | null = null;
      if (m.status === 'grace' || m.status === 'lapsed') {
        renewalDate = addDays(today, m.status === 'grace' ? -20 : -90);
        graceUntil = addDays(renewalDate, 60);
      }
      // Reminders already due count as sent, so the first run of the renewal job has nothing to catch up on.
      const remindersSent = [60, 14].filter((d) => addDays(renewalDate, -d) <= today);
      const [row] = await tx
        .insert(memberships)
        .values({
          categoryId: cat.id,
          applicantKind: m.kind,
          organizationId,
          personId,
          status: m.status,
          statusReason: m.status === 'suspended' ? 'Membership fees unpaid (demo)' : null,
          startDate: m.startDate,
          renewalDate,
          graceUntil,
          remindersSent,
          directoryOptIn: m.optIn,
        })
        .returning();
      await tx.insert(membershipHistory).values({
        membershipId: row.id,
        action: 'imported',
        toStatus: 'active',
        at: new Date(`${m.startDate}T09:00:00Z`),
        details: { demo: true },
      });
      if (m.status !== 'active')
        await tx.insert(membershipHistory).values({
          membershipId: row.id,
          action: m.status,
          fromStatus: 'active',
          toStatus: m.status,
          reason: m.status === 'suspended' ? 'Membership fees unpaid (demo)' : null,
        });
      await syncMemberIndex(tx, row.id);
      memberIds.set(m.key, row.id);
    });
  }
  refs.memberships = memberIds;

  // member@wuzhen.example keeps the profile of 杭州网络空间治理实验室.
  const memberUser = refs.accounts?.get('member@wuzhen.example');
  const hz = orgIds.get('hz-lab');
  if (memberUser && hz) {
    await grantRole(db, memberUser, contactRole, { type: 'organization', id: hz });
    const wang = personIds.get('Wang Xiaomei');
    if (wang) await linkPersonToUser(db, wang, memberUser);
  }

  for (const g of demoGoals)
    await db
      .insert(representationGoals)
      .values({ population: 'members', dimension: g.dimension, rule: g.rule, target: g.target, label: g.label });

  // A few pending applications.
  const pending: Array<{
    email: string;
    name: string;
    locale: 'en' | 'zh-Hans';
    category: string;
    status: string;
    data: Record<string, unknown>;
    request?: string;
    comment?: string;
  }> = [
    {
      email: 'giulia.rossi@example.org',
      name: 'Giulia Rossi',
      locale: 'en',
      category: 'institutional',
      status: 'submitted',
      data: {
        organization: {
          name: { en: 'Rome Digital Heritage Foundation', 'zh-Hans': '罗马数字遗产基金会' },
          countryCode: 'IT',
          stakeholderGroup: 'civil-society',
          website: 'https://heritage.example.org',
        },
        representatives: [{ name: 'Giulia Rossi', email: 'giulia.rossi@example.org', title: 'Director' }],
        motivation: 'We digitize cultural heritage and want to share practice with members.',
      },
      comment: 'Checked the registry: the foundation is registered since 2015.',
    },
    {
      email: 'somchai@example.org',
      name: 'Somchai Prasert',
      locale: 'en',
      category: 'institutional',
      status: 'info_requested',
      data: {
        organization: {
          name: { en: 'Mekong Rural Connectivity Network', 'zh-Hans': '湄公河乡村互联网络' },
          countryCode: 'TH',
          stakeholderGroup: 'civil-society',
          website: 'https://mekong.example.org',
        },
        representatives: [{ name: 'Somchai Prasert', email: 'somchai@example.org' }],
        motivation: 'Bridging the digital divide in rural villages.',
      },
      request: 'Please upload your latest annual report and name a second representative.',
      comment: 'Promising; sparse documents.',
    },
    {
      email: 'lina.li@example.org',
      name: '李娜',
      locale: 'zh-Hans',
      category: 'individual',
      status: 'submitted',
      data: {
        individual: { name: '李娜', nameLatin: 'Li Na', countryCode: 'CN', gender: 'female', title: '研究员', affiliation: '某大学' },
        motivation: '长期研究数据跨境流动治理。',
      },
    },
    {
      email: 'youssef@example.org',
      name: 'Youssef Amrani',
      locale: 'en',
      category: 'academic',
      status: 'draft',
      data: { organization: { name: { en: 'Atlas Mountains Data Lab' }, countryCode: 'MA', stakeholderGroup: 'academia' } },
    },
  ];
  const secretariat = refs.accounts?.get('secretariat@wuzhen.example') ?? null;
  for (const p of pending) {
    const { user } = await ensureUser(db, { email: p.email, name: p.name, locale: p.locale });
    const app = await createApplication(
      db,
      { userId: user.id, email: user.email },
      { categoryKey: p.category, locale: p.locale, data: p.data as never },
    );
    if (p.status === 'draft') continue;
    await db.update(membershipApplications).set({ status: p.status, submittedAt: new Date() }).where(eq(membershipApplications.id, app.id));
    await db.insert(applicationMessages).values({
      applicationId: app.id,
      authorUserId: user.id,
      authorName: user.name,
      authorRole: 'system',
      kind: 'status',
      body: 'submitted',
    });
    if (p.comment)
      await db.insert(applicationMessages).values({
        applicationId: app.id,
        authorUserId: secretariat,
        authorName: '秘书处 林晓',
        authorRole: 'secretariat',
        kind: 'comment',
        internal: true,
        body: p.comment,
      });
    if (p.request)
      await db.insert(applicationMessages).values({
        applicationId: app.id,
        authorUserId: secretariat,
        authorName: '秘书处 林晓',
        authorRole: 'secretariat',
        kind: 'info_request',
        body: p.request,
      });
  }
}
