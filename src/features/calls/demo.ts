import type { Ctx, DemoRefs } from '../../platform/http/types.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { documentTypes, storeFile } from '../../platform/files/index.js';
import { samplePdf } from '../../platform/files/sample.js';
import { indexDocs } from '../../platform/search/index.js';
import { demoOrganizations } from '../directory/index.js';
import { calls, rubrics, submissions } from './model.js';
import { templates, type CallKind } from './templates.js';
import { pagePath } from '../../platform/http/links.js';
import { showcasePages } from '../showcase/contract.js';

const at = (iso: string) => new Date(iso);

/** The applicant organization as its applicant writes it: the directory's demo organization's own name. */
function applicantOrganization(key: string) {
  const o = demoOrganizations.find((x) => x.key === key);
  if (!o) throw new Error(`demo case: no demo organization ${key}`);
  return (o.country === 'CN' ? o.name['zh-Hans'] : o.name.en) ?? '';
}

/** The 13 selected cases of the 2023 practice-case call: fictional, across the five fields. */
const cases2023: Array<{ field: string; org: string; country: string; title: LocalizedText; summary: LocalizedText }> = [
  {
    field: 'infrastructure',
    org: 'au-cable',
    country: 'AU',
    title: { en: 'A subsea cable ring for Pacific islands', 'zh-Hans': '太平洋岛屿海底光缆环网' },
    summary: {
      en: 'Fictional: a shared cable ring connects nine island states at a third of the cost.',
      'zh-Hans': '虚构案例：九个岛国共建海底光缆环网，成本降低三分之二。',
    },
  },
  {
    field: 'infrastructure',
    org: 'et-connect',
    country: 'ET',
    title: { en: 'Highland villages on broadband', 'zh-Hans': '高原村庄宽带入户' },
    summary: {
      en: 'Fictional: solar-powered base stations bring broadband to 400 villages.',
      'zh-Hans': '虚构案例：太阳能基站为400个村庄接入宽带网络。',
    },
  },
  {
    field: 'infrastructure',
    org: 'es-compute',
    country: 'ES',
    title: { en: 'An open computing network across the Iberian Peninsula', 'zh-Hans': '伊比利亚半岛开放算力网络' },
    summary: {
      en: 'Fictional: universities pool computing power for public research.',
      'zh-Hans': '虚构案例：高校共享算力，服务公共科研。',
    },
  },
  {
    field: 'culture',
    org: 'fr-culture',
    country: 'FR',
    title: { en: 'Museums of the Silk Road, online together', 'zh-Hans': '丝路博物馆线上联展' },
    summary: {
      en: 'Fictional: twelve museums share a multilingual online exhibition.',
      'zh-Hans': '虚构案例：十二家博物馆共办多语种网上展览。',
    },
  },
  {
    field: 'culture',
    org: 'kr-digital',
    country: 'KR',
    title: { en: 'Youth web-drama exchange', 'zh-Hans': '青年网络短剧交流计划' },
    summary: {
      en: 'Fictional: young creators from five countries co-produce short web dramas.',
      'zh-Hans': '虚构案例：五国青年创作者合作拍摄网络短剧。',
    },
  },
  {
    field: 'digital-economy',
    org: 'ke-mobile',
    country: 'KE',
    title: { en: 'Mobile money for smallholder farmers', 'zh-Hans': '小农户移动支付普惠计划' },
    summary: { en: 'Fictional: two million farmers receive payments on their phones.', 'zh-Hans': '虚构案例：两百万农户通过手机收款。' },
  },
  {
    field: 'digital-economy',
    org: 'br-commerce',
    country: 'BR',
    title: { en: 'Cross-border e-commerce for Amazonian cooperatives', 'zh-Hans': '亚马逊合作社跨境电商' },
    summary: { en: 'Fictional: forest cooperatives sell directly to buyers in Asia.', 'zh-Hans': '虚构案例：雨林合作社直接对接亚洲买家。' },
  },
  {
    field: 'digital-economy',
    org: 'zj-cloud',
    country: 'CN',
    title: { en: 'Cloud services for rural e-commerce in Zhejiang', 'zh-Hans': '浙江乡村电商云服务' },
    summary: {
      en: 'Fictional: a cloud platform helps 30,000 rural shops trade online.',
      'zh-Hans': '虚构案例：云平台帮助三万家乡村网店开展线上经营。',
    },
  },
  {
    field: 'cybersecurity',
    org: 'de-sec',
    country: 'DE',
    title: { en: 'Open threat intelligence for hospitals', 'zh-Hans': '面向医院的开放威胁情报' },
    summary: { en: 'Fictional: hospitals share attack indicators in near real time.', 'zh-Hans': '虚构案例：医院近实时共享攻击特征信息。' },
  },
  {
    field: 'cybersecurity',
    org: 'sg-ai',
    country: 'SG',
    title: { en: 'Detecting deepfake fraud calls', 'zh-Hans': '深度伪造诈骗电话识别' },
    summary: {
      en: 'Fictional: an AI model flags synthetic voices on phone networks.',
      'zh-Hans': '虚构案例：人工智能模型识别电话网络中的合成语音。',
    },
  },
  {
    field: 'governance',
    org: 'kz-silk',
    country: 'KZ',
    title: { en: 'A regional data-flow agreement along the Digital Silk Road', 'zh-Hans': '数字丝路区域数据流动协议' },
    summary: {
      en: 'Fictional: five countries agree common rules for cross-border data.',
      'zh-Hans': '虚构案例：五国就跨境数据流动达成共同规则。',
    },
  },
  {
    field: 'governance',
    org: 'in-stack',
    country: 'IN',
    title: { en: 'Digital public goods playbook for the Global South', 'zh-Hans': '全球南方数字公共产品指南' },
    summary: {
      en: 'Fictional: a shared playbook for building open digital public infrastructure.',
      'zh-Hans': '虚构案例：共建开放数字公共基础设施的实用指南。',
    },
  },
  {
    field: 'governance',
    org: 'hz-lab',
    country: 'CN',
    title: { en: 'Multi-stakeholder cyberspace governance lab', 'zh-Hans': '多利益相关方网络空间治理实验室' },
    summary: {
      en: 'Fictional: governments, firms and scholars test governance rules together.',
      'zh-Hans': '虚构案例：政府、企业与学者共同试验治理规则。',
    },
  },
];

async function insertCall(
  ctx: Ctx,
  kind: CallKind,
  year: number,
  opensAt: string,
  closesAt: string,
  extra: Partial<typeof calls.$inferInsert> = {},
) {
  const t = templates[kind];
  const [c] = await ctx.db
    .insert(calls)
    .values({
      kind,
      year,
      title: t.title,
      rules: t.rules,
      opensAt: at(opensAt),
      closesAt: at(closesAt),
      timeZone: 'Asia/Shanghai',
      eligibility: t.eligibility,
      categories: t.categories,
      rounds: t.rounds,
      form: t.form,
      allowNominations: t.allowNominations,
      sameCountryConflict: t.sameCountryConflict,
      reviewsPerSubmission: t.reviewsPerSubmission,
      codePrefix: t.codePrefix,
      published: true,
      ...extra,
    })
    .returning();
  for (let r = 1; r <= t.rounds.length; r++)
    await ctx.db.insert(rubrics).values({ callId: c.id, round: r, criteria: t.rubric, scaleMin: 1, scaleMax: 10 });
  return c;
}

/** The five programs of the seeds as calls; the 2023 case collection published; two entries in the open AI-for-good call. */
export async function seedCallsDemo(ctx: Ctx, refs: DemoRefs) {
  const orgs = refs.organizations ?? new Map<string, string>();
  const applicant = refs.accounts?.get('member@wuzhen.example') ?? null;

  const cases = await insertCall(ctx, 'practice-case', 2023, '2023-06-01T00:00:00+08:00', '2023-08-31T23:59:00+08:00', {
    codeCounter: cases2023.length,
  });
  await insertCall(ctx, 'sci-tech', 2023, '2023-05-15T00:00:00+08:00', '2023-08-15T23:59:00+08:00');
  await insertCall(ctx, 'competition', 2023, '2023-04-01T00:00:00+08:00', '2023-07-31T23:59:00+08:00', {
    title: { en: '2023 "Straight to Wuzhen" Global Internet Competition', 'zh-Hans': '2023年"直通乌镇"全球互联网大赛' },
  });
  const youth = await insertCall(ctx, 'youth-leaders', 2026, '2026-09-01T00:00:00+08:00', '2027-03-31T23:59:00+08:00');
  const aiGood = await insertCall(ctx, 'ai-for-good', 2026, '2026-10-01T00:00:00+08:00', '2027-02-28T23:59:00+08:00', { codeCounter: 2 });

  const countryOf = new Map<string, string>();
  for (const [i, k] of cases2023.entries()) {
    const code = `CASE-2023-${String(i + 1).padStart(4, '0')}`;
    const answers = {
      title: k.title,
      summary: k.summary,
      applicantType: 'civil-society',
      country: k.country,
      organization: applicantOrganization(k.org),
      results: k.summary,
      practice: k.summary,
      keywords: k.field,
    };
    const [s] = await ctx.db
      .insert(submissions)
      .values({
        callId: cases.id,
        code,
        status: 'submitted',
        answers,
        title: k.title,
        category: k.field,
        applicantType: 'civil-society',
        countryCode: k.country,
        organizationId: orgs.get(k.org) ?? null,
        screening: 'passed',
        decision: 'selected',
        decidedAt: at('2023-10-20T10:00:00+08:00'),
        publishedAt: at('2023-11-08T10:00:00+08:00'),
        submittedAt: at('2023-08-20T10:00:00+08:00'),
      })
      .returning();
    countryOf.set(s.id, k.country);
    await indexDocs(ctx.db, [
      {
        kind: 'case',
        id: s.id,
        visibility: 'public',
        title: k.title,
        summary: k.summary,
        body: [cases.title],
        url: pagePath(showcasePages.entry, { id: s.id }),
        year: 2023,
        countryCode: k.country,
      },
    ]);
  }

  // The open AI-for-good call: two fictional entries with their teams and a project file (the review's demo assigns them to reviewer@).
  const entries = [
    {
      title: { en: 'Sign-language avatar for public services', 'zh-Hans': '公共服务手语数字人' },
      category: 'accessibility',
      country: 'KE',
      applicantType: 'civil-society',
      organization: 'Nairobi Sign Language Lab',
      sdgs: ['sdg4', 'sdg10'],
      website: 'https://signlab.example',
      team: [
        {
          name: 'Akinyi Wambui',
          role: 'Project lead',
          organization: 'Nairobi Sign Language Lab',
          country: 'KE',
          email: 'akinyi@signlab.example',
        },
        { name: 'Otieno Ouma', role: 'Machine-learning engineer', organization: 'Nairobi Sign Language Lab', country: 'KE' },
        { name: 'Grace Achieng', role: 'Deaf community adviser', country: 'KE' },
      ],
      file: 'sign-language-avatar-project-plan.pdf',
    },
    {
      title: { en: 'AI triage for rural clinics', 'zh-Hans': '乡村诊所人工智能分诊' },
      category: 'health',
      country: 'ID',
      applicantType: 'business',
      organization: 'Klinik Pintar',
      sdgs: ['sdg3'],
      website: 'https://klinikpintar.example',
      team: [
        {
          name: 'Siti Rahmawati',
          role: 'Founder and physician',
          organization: 'Klinik Pintar',
          country: 'ID',
          email: 'siti@klinikpintar.example',
        },
        { name: 'Budi Santoso', role: 'Data scientist', organization: 'Klinik Pintar', country: 'ID' },
      ],
      file: 'ai-triage-pilot-results.pdf',
    },
  ];
  const entryIds = new Map<string, string>();
  for (const [i, e] of entries.entries()) {
    const f = await storeFile(ctx.db, ctx.config.filesDir, {
      data: samplePdf(e.title.en, [`Project file of a fictional entry to the AI for Good call (${e.organization}).`]),
      filename: e.file,
      allowed: documentTypes,
      maxBytes: 1 << 20,
      ownerId: applicant,
    });
    const [s] = await ctx.db
      .insert(submissions)
      .values({
        callId: aiGood.id,
        code: `AIGOOD-2026-${String(i + 1).padStart(4, '0')}`,
        applicantId: applicant,
        status: 'submitted',
        answers: {
          title: e.title,
          applicantType: e.applicantType,
          organization: e.organization,
          country: e.country,
          summary: { en: 'Fictional sample entry.', 'zh-Hans': '虚构示例。' },
          beneficiaries: 1000 * (i + 1),
          sdgs: e.sdgs,
          keywords: e.category,
          website: e.website,
          team: e.team,
          attachment: f.id,
        },
        title: e.title,
        category: e.category,
        applicantType: e.applicantType,
        countryCode: e.country,
        peopleEmails: e.team.flatMap((p) => (p.email ? [p.email] : [])),
        screening: 'passed',
        submittedAt: new Date(),
      })
      .returning();
    entryIds.set(s.code, s.id);
  }
  refs.calls = new Map([
    ['practice-case-2023', cases.id],
    ['youth-leaders-2026', youth.id],
    ['ai-for-good-2026', aiGood.id],
  ]);
  refs.submissions = entryIds;
}
