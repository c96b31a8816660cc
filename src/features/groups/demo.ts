import type { Actor } from '../../platform/auth/access.js';
import type { Ctx, DemoRefs } from '../../platform/http/types.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { copyPassword, ensureUser, grantRole } from '../accounts/index.js';
import { linkPersonToUser, peopleContacts } from '../directory/index.js';
import { addSamplePublicationFiles } from '../library/index.js';
import * as docs from './documents.js';
import { groupMembers } from './model.js';
import { createGroup, createMeeting, type Group } from './service.js';

const SAMPLE = {
  en: '*Sample text for the demo — fictional, not the real document.*',
  'zh-Hans': '*演示用示例文本——虚构内容，并非真实文件。*',
};

/** A file name for a document's sample PDF: its English title and version, e.g. cyber-sovereignty-theory-and-practice-4.0. */
const fileKey = (title: LocalizedText, label: string) =>
  `${(title.en ?? 'document')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')}-${label}`;

const actorOf = (userId: string, email: string, name: string, roles: Actor['roles'] = [], scopes: Actor['scopes'] = []): Actor => ({
  userId,
  email,
  name,
  locale: 'en',
  roles,
  scopes,
  sessionId: '',
  csrfToken: '',
});

/** Demo accounts of this feature (password: the demo password): chairs and organization contacts, linked to demo people. */
const demoUsers = [
  { email: 'ai.chair@wuzhen.example', person: 'Tan Mei Ling', name: 'Tan Mei Ling' },
  { email: 'data.chair@wuzhen.example', person: 'Chen Jing', name: '陈静' },
  { email: 'contact.de@wuzhen.example', person: 'Jonas Becker', name: 'Jonas Becker', contactOf: 'de-sec' },
  { email: 'contact.ke@wuzhen.example', person: 'Wanjiru Kamau', name: 'Wanjiru Kamau', contactOf: 'ke-mobile' },
];

export async function seedGroupsDemo(ctx: Ctx, refs: DemoRefs) {
  const db = ctx.db;
  const orgs = refs.organizations ?? new Map<string, string>();
  const persons = refs.people ?? new Map<string, string>();
  const adminId = refs.accounts?.get('admin@wuzhen.example');
  const secretariatId = refs.accounts?.get('secretariat@wuzhen.example') ?? null;
  const memberId = refs.accounts?.get('member@wuzhen.example');
  if (!adminId || !memberId) return;
  const admin = actorOf(adminId, 'admin@wuzhen.example', 'Demo Admin', ['admin']);

  // A demo person not yet linked to an account gets this one.
  async function linkUnlinked(personId: string | undefined, userId: string) {
    const [p] = personId ? await peopleContacts(db, [personId]) : [];
    if (p && !p.userId) await linkPersonToUser(db, p.id, userId);
  }

  const account = new Map<string, string>();
  for (const u of demoUsers) {
    const { user } = await ensureUser(db, { email: u.email, name: u.name });
    await copyPassword(db, memberId, user.id);
    await linkUnlinked(persons.get(u.person), user.id);
    if (u.contactOf && orgs.get(u.contactOf))
      await grantRole(db, user.id, 'org_contact', { type: 'organization', id: orgs.get(u.contactOf)! });
    account.set(u.email, user.id);
  }
  await linkUnlinked(persons.get('Wang Xiaomei'), memberId);

  // Members join directly in the demo (as if invited and accepted); scoped roles follow the membership.
  async function add(g: Group, userId: string, role: 'chair' | 'co_chair' | 'member', org: string | null, personKey?: string) {
    await db
      .insert(groupMembers)
      .values({
        groupId: g.id,
        userId,
        role,
        status: 'active',
        organizationId: org ? (orgs.get(org) ?? null) : null,
        personId: personKey ? (persons.get(personKey) ?? null) : null,
      })
      .onConflictDoNothing();
    await grantRole(db, userId, 'group_member', { type: 'group', id: g.id });
    if (role !== 'member') await grantRole(db, userId, 'group_chair', { type: 'group', id: g.id });
  }
  async function person(key: string, name: string) {
    const email = `${key
      .toLowerCase()
      .normalize('NFD')
      .replace(/[^a-z]+/g, '.')
      .replace(/^\.|\.$/g, '')}@demo.wuzhen.example`;
    return (await ensureUser(db, { email, name })).user.id;
  }

  const groupDefs: Array<{ slug: string; name: LocalizedText; mandate: LocalizedText }> = [
    {
      slug: 'data',
      name: { en: 'Data Working Group', 'zh-Hans': '数据工作组' },
      mandate: {
        en: 'Studies rules and practices for the development, governance and cross-border flow of data, and drafts shared positions for members. (Sample mandate.)',
        'zh-Hans': '研究数据发展、治理与跨境流动的规则和实践，为会员起草共同立场。（示例职责）',
      },
    },
    {
      slug: 'artificial-intelligence',
      name: { en: 'Artificial Intelligence Working Group', 'zh-Hans': '人工智能工作组' },
      mandate: {
        en: 'Promotes the safe, responsible and inclusive development of artificial intelligence through research reports and consensus documents. (Sample mandate.)',
        'zh-Hans': '通过研究报告和共识文件，推动人工智能安全、负责任、包容发展。（示例职责）',
      },
    },
    {
      slug: 'cross-border-ecommerce',
      name: { en: 'Cross-border E-commerce Working Group', 'zh-Hans': '跨境电商工作组' },
      mandate: {
        en: 'Brings together platforms, logistics firms, regulators and researchers to study the rules of cross-border e-commerce. (Sample mandate.)',
        'zh-Hans': '汇聚平台企业、物流企业、监管机构和研究者，研究跨境电商规则。（示例职责）',
      },
    },
  ];
  const g: Record<string, Group> = {};
  for (const d of groupDefs) g[d.slug] = await db.transaction((tx) => createGroup(tx, admin, { ...d, liaisonUserId: secretariatId }));

  const aiChair = account.get('ai.chair@wuzhen.example')!;
  const dataChair = account.get('data.chair@wuzhen.example')!;
  await add(g['artificial-intelligence'], aiChair, 'chair', 'sg-ai', 'Tan Mei Ling');
  await add(g['artificial-intelligence'], await person('Noah Tremblay', 'Noah Tremblay'), 'co_chair', 'ca-ai', 'Noah Tremblay');
  await add(g['artificial-intelligence'], memberId, 'member', 'hz-lab', 'Wang Xiaomei');
  for (const [n, o] of [
    ['Priya Sharma', 'in-stack'],
    ['Jonas Becker', 'de-sec'],
    ['Thandiwe Nkosi', 'za-research'],
    ['Kim Ji-eun', 'kr-digital'],
  ] as const)
    await add(
      g['artificial-intelligence'],
      n === 'Jonas Becker' ? account.get('contact.de@wuzhen.example')! : await person(n, n),
      'member',
      o,
      n,
    );
  await add(g['artificial-intelligence'], await person('Independent AI Expert', 'Dr. Sample Expert'), 'member', null);
  await add(g.data, dataChair, 'chair', 'bj-data', 'Chen Jing');
  await add(g.data, await person('Emily Carter', 'Emily Carter'), 'co_chair', 'us-open', 'Emily Carter');
  await add(g.data, memberId, 'member', 'hz-lab', 'Wang Xiaomei');
  for (const [n, o] of [
    ['Lucía Fernández', 'es-compute'],
    ['Aigerim Nurlanova', 'kz-silk'],
    ['Valentina Rojas', 'cl-ix'],
  ] as const)
    await add(g.data, await person(n, n), 'member', o, n);
  await add(g['cross-border-ecommerce'], await person('Ana Souza', 'Ana Souza'), 'chair', 'br-commerce', 'Ana Souza');
  await add(g['cross-border-ecommerce'], await person('Zhao Min', '赵敏'), 'co_chair', 'zj-cloud', 'Zhao Min');
  for (const [n, o] of [
    ['Fatima Al-Zahra', 'ae-smart'],
    ['Wanjiru Kamau', 'ke-mobile'],
    ['Budi Santoso', 'id-connect'],
  ] as const)
    await add(
      g['cross-border-ecommerce'],
      n === 'Wanjiru Kamau' ? account.get('contact.ke@wuzhen.example')! : await person(n, n),
      'member',
      o,
      n,
    );

  const para = (en: string, zh: string) => ({ text: { en, 'zh-Hans': zh } });
  const chairOf = (slug: string, userId: string) =>
    actorOf(
      userId,
      '',
      '',
      [],
      [
        { role: 'group_chair', scopeType: 'group', scopeId: g[slug].id },
        { role: 'group_member', scopeType: 'group', scopeId: g[slug].id },
      ],
    );
  const contact = (email: string, org: string) =>
    actorOf(account.get(email)!, email, '', [], [{ role: 'org_contact', scopeType: 'organization', scopeId: orgs.get(org)! }]);
  const contactsFor = (keys: string[]) =>
    keys
      .filter((k) => orgs.get(k))
      .map((k) => actorOf(adminId, '', '', [], [{ role: 'org_contact', scopeType: 'organization', scopeId: orgs.get(k)! }]));

  async function publishedDoc(
    editor: Actor,
    group: Group | null,
    kind: 'report' | 'consensus' | 'proposal',
    title: LocalizedText,
    label: string,
    body: Array<{ text: LocalizedText }>,
    endorsers: Actor[] = [],
    tags: string[] = [],
  ) {
    return db.transaction(async (tx) => {
      const d = await docs.createDocument(tx, editor, group, { kind, title, label, paragraphs: [{ text: SAMPLE }, ...body] });
      const [v] = (await docs.documentView(tx, editor, d.id)).versions;
      await docs.setStatus(tx, editor, d.id, v.id, 'final');
      for (const e of endorsers) await docs.endorse(tx, e, d.id, { kind: 'endorse', organizationId: e.scopes[0]?.scopeId });
      await docs.setStatus(tx, editor, d.id, v.id, 'published');
      const abstract = { en: `${title.en} (sample abstract, fictional).`, 'zh-Hans': `${title['zh-Hans'] ?? ''}（示例摘要，虚构）。` };
      const p = await docs.addToLibrary(tx, editor, d.id, { abstract, tags });
      await addSamplePublicationFiles(tx, ctx.config.filesDir, editor, p.id, fileKey(title, label), title, abstract);
      return d;
    });
  }

  const ai = chairOf('artificial-intelligence', aiChair);
  // The AI group meets in person during the upcoming summit.
  const summit2026 = refs.events?.get('wuzhen-summit-2026');
  if (summit2026)
    await createMeeting(db, ai, g['artificial-intelligence'], {
      title: { en: 'AI Working Group annual meeting', 'zh-Hans': '人工智能工作组年度会议' },
      startsAt: '2026-12-09T16:00:00+08:00',
      durationMinutes: 90,
      timezone: 'Asia/Shanghai',
      mode: 'hybrid',
      location: 'Wuzhen Internet International Convention and Exhibition Center',
      link: 'https://meet.wuzhen.example/ai-annual',
      eventId: summit2026,
    });
  await publishedDoc(
    ai,
    g['artificial-intelligence'],
    'report',
    { en: 'Developing Responsible Generative AI: Research Report', 'zh-Hans': '发展负责任的生成式人工智能研究报告' },
    '1.0',
    [
      para('Generative AI systems are spreading quickly across sectors and countries.', '生成式人工智能系统正在各行业、各国快速普及。'),
      para(
        'Responsible development needs transparency, safety testing and human oversight.',
        '负责任的发展需要透明度、安全测试和人类监督。',
      ),
    ],
    [],
    ['ai', 'generative-ai'],
  );
  await publishedDoc(
    ai,
    g['artificial-intelligence'],
    'consensus',
    { en: 'Developing Responsible Generative AI: Consensus', 'zh-Hans': '发展负责任的生成式人工智能共识' },
    '1.0',
    [
      para('We share the view that generative AI should benefit all of humanity.', '我们认为生成式人工智能应当造福全人类。'),
      para(
        'We support international cooperation on safety standards and on closing the digital divide.',
        '我们支持在安全标准和弥合数字鸿沟方面开展国际合作。',
      ),
    ],
    [contact('contact.de@wuzhen.example', 'de-sec'), ...contactsFor(['sg-ai', 'ca-ai', 'in-stack', 'za-research', 'hz-lab'])],
    ['ai', 'generative-ai', 'consensus'],
  );

  // Cyber Sovereignty: version 3.0 published and in the library, then 4.0 supersedes it (both kept).
  const cyber = await publishedDoc(
    admin,
    null,
    'report',
    { en: 'Cyber Sovereignty: Theory and Practice', 'zh-Hans': '网络主权：理论与实践' },
    '3.0',
    [
      para('Cyber sovereignty extends the principle of state sovereignty into cyberspace.', '网络主权是国家主权在网络空间的自然延伸。'),
      para('Version 3.0 discusses sovereignty in data, platforms and infrastructure.', '3.0版讨论数据、平台和基础设施方面的主权问题。'),
    ],
    [],
    ['cyber-sovereignty'],
  );
  await db.transaction(async (tx) => {
    const v4 = await docs.newVersion(tx, admin, cyber.id, {
      label: '4.0',
      changeSummary: { en: 'Adds a chapter on practice across regions (sample).', 'zh-Hans': '新增各地区实践章节（示例）。' },
    });
    const view = await docs.documentView(tx, admin, cyber.id, v4.id);
    const ps = view.current.paragraphs.map((p) => ({ key: p.key, text: p.text }));
    ps[2] = {
      key: ps[2].key,
      text: {
        en: 'Version 4.0 discusses sovereignty in data, platforms, infrastructure and artificial intelligence, with practice from many regions.',
        'zh-Hans': '4.0版讨论数据、平台、基础设施和人工智能方面的主权问题，并收录多个地区的实践。',
      },
    };
    await docs.updateVersionText(tx, admin, cyber.id, v4.id, { paragraphs: ps });
    await docs.setStatus(tx, admin, cyber.id, v4.id, 'final');
    await docs.setStatus(tx, admin, cyber.id, v4.id, 'published');
    const abstract = {
      en: 'Cyber Sovereignty: Theory and Practice, version 4.0 (sample abstract, fictional): sovereignty in data, platforms, infrastructure and artificial intelligence, with practice from many regions.',
      'zh-Hans':
        '网络主权：理论与实践（4.0版）（示例摘要，虚构）：讨论数据、平台、基础设施和人工智能方面的主权问题，并收录多个地区的实践。',
    };
    const p = await docs.addToLibrary(tx, admin, cyber.id, { abstract, tags: ['cyber-sovereignty'] });
    await addSamplePublicationFiles(tx, ctx.config.filesDir, admin, p.id, fileKey(view.title, '4.0'), view.title, abstract);
  });

  const cbecChair = actorOf(adminId, '', '', ['admin']);
  await publishedDoc(
    cbecChair,
    g['cross-border-ecommerce'],
    'report',
    { en: 'Rules for Cross-border E-commerce: Research Report', 'zh-Hans': '跨境电商规则研究报告' },
    '1.0',
    [
      para(
        'Small businesses reach buyers abroad through platforms, payment services and logistics networks.',
        '中小企业通过平台、支付服务和物流网络触达海外买家。',
      ),
      para(
        'Interoperable rules on customs, consumer protection and data lower their costs.',
        '在海关、消费者保护和数据方面可互操作的规则能降低其成本。',
      ),
    ],
    [],
    ['e-commerce'],
  );

  // The joint proposal: the organization and 15 partners submitted it to a UN process.
  const proposal = await db.transaction(async (tx) => {
    const d = await docs.createDocument(tx, admin, null, {
      kind: 'proposal',
      title: { en: 'Joint Proposal on Bridging the Digital Divide', 'zh-Hans': '关于弥合数字鸿沟的联合提案' },
      label: '1.0',
      paragraphs: [
        { text: SAMPLE },
        para(
          'We propose shared investment in connectivity, skills and digital public goods.',
          '我们提议在互联互通、数字技能和数字公共产品方面共同投入。',
        ),
      ],
    });
    const [v] = (await docs.documentView(tx, admin, d.id)).versions;
    await docs.setStatus(tx, admin, d.id, v.id, 'final');
    await docs.setStatus(tx, admin, d.id, v.id, 'published');
    const partners = [
      'hz-lab',
      'bj-data',
      'sg-ai',
      'in-stack',
      'id-connect',
      'kz-silk',
      'es-compute',
      'de-sec',
      'rs-gov',
      'ke-mobile',
      'ng-youth',
      'eg-digital',
      'et-connect',
      'br-commerce',
      'cl-ix',
    ].filter((k) => orgs.get(k));
    await docs.addSubmission(tx, admin, d.id, {
      process: { en: 'United Nations Global Digital Compact consultation', 'zh-Hans': '联合国《全球数字契约》磋商' },
      submittedOn: '2024-04-30',
      partners: partners.map((k) => ({ organizationId: orgs.get(k)! })),
    });
    const abstract = {
      en: 'Joint Proposal on Bridging the Digital Divide (sample abstract, fictional): shared investment in connectivity, skills and digital public goods, proposed with 15 partners.',
      'zh-Hans': '关于弥合数字鸿沟的联合提案（示例摘要，虚构）：与15家合作伙伴共同提议，在互联互通、数字技能和数字公共产品方面共同投入。',
    };
    const p = await docs.addToLibrary(tx, admin, d.id, { abstract, tags: ['digital-divide'] });
    await addSamplePublicationFiles(tx, ctx.config.filesDir, admin, p.id, fileKey(d.title, '1.0'), d.title, abstract);
    return d;
  });

  // Work in progress in the Data group: a consensus draft in consultation, with comments to answer.
  const data = chairOf('data', dataChair);
  const member = actorOf(
    memberId,
    'member@wuzhen.example',
    '王晓梅',
    [],
    [{ role: 'group_member', scopeType: 'group', scopeId: g.data.id }],
  );
  await db.transaction(async (tx) => {
    const d = await docs.createDocument(tx, data, g.data, {
      kind: 'consensus',
      title: { en: 'Consensus on Cross-border Data Flows (draft)', 'zh-Hans': '数据跨境流动共识（草案）' },
      label: '0.1',
      paragraphs: [
        { text: SAMPLE },
        para('Data should flow across borders in an orderly and secure way.', '数据应当有序、安全地跨境流动。'),
        para('Personal information must be protected wherever it is processed.', '个人信息无论在何处处理都必须受到保护。'),
      ],
    });
    await docs.openRound(tx, data, d.id, { closesAt: new Date(Date.now() + 30 * 86400_000).toISOString() }, false);
    const view = await docs.documentView(tx, data, d.id);
    await docs.addComment(tx, member, d.id, {
      paragraphKey: view.current.paragraphs[2].key,
      body: 'Could we name the legal bases for transfers? (sample comment)',
    });
  });
  refs.groups = new Map(Object.entries(g).map(([k, v]) => [k, v.id]));
  refs.documents = new Map([
    ['joint-proposal', proposal.id],
    ['cyber-sovereignty', cyber.id],
  ]);
}
