import type { Actor } from '../../platform/auth/access.js';
import { documentTypes, storeFile } from '../../platform/files/index.js';
import { samplePdf } from '../../platform/files/sample.js';
import type { Ctx, DemoRefs } from '../../platform/http/types.js';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Locale, LocalizedText } from '../../platform/i18n/index.js';
import type { PublicationInput } from './contract.js';
import { createPublication, setPublicationFile } from './service.js';

const editionName: Record<Locale, string> = { en: 'English', 'zh-Hans': 'Simplified Chinese', 'zh-Hant': 'Traditional Chinese' };

/** Gives a demo publication a sample PDF per language (a demo seed; groups' documents in the library use it too). */
export async function addSamplePublicationFiles(
  db: DbOrTx,
  filesDir: string,
  actor: Actor | null,
  publicationId: string,
  key: string,
  title: LocalizedText,
  abstract: LocalizedText = {},
  langs: Locale[] = ['zh-Hans', 'en'],
) {
  for (const lang of langs) {
    const f = await storeFile(db, filesDir, {
      data: samplePdf(title.en ?? key, [`${editionName[lang]} edition.`, abstract.en ?? '']),
      filename: `${key}-${lang}.pdf`,
      allowed: documentTypes,
      maxBytes: 1 << 20,
      ownerId: actor?.userId ?? null,
    });
    await setPublicationFile(db, actor, publicationId, lang, f.id);
  }
}

const wic = { kind: 'organization' as const, name: { en: 'World Internet Conference', 'zh-Hans': '世界互联网大会' } };

const items: Array<Omit<PublicationInput, 'status'> & { key: string }> = [
  {
    key: 'wid-2024',
    kind: 'blue-book',
    year: 2024,
    title: { en: 'World Internet Development Report 2024', 'zh-Hans': '世界互联网发展报告2024' },
    abstract: {
      en: 'Sample abstract (fictional): the report follows how the internet developed around the world over the year, from infrastructure and the digital economy to digital government, cybersecurity and international cooperation, and compares the development of some fifty countries.',
      'zh-Hans':
        '示例摘要（虚构）：报告梳理本年度全球互联网发展情况，涵盖信息基础设施、数字经济、数字政府、网络安全和国际合作等方面，并对约五十个国家的发展水平进行比较。',
    },
    tags: ['development'],
    authors: [wic],
  },
  {
    key: 'cid-2024',
    kind: 'blue-book',
    year: 2024,
    title: { en: 'China Internet Development Report 2024', 'zh-Hans': '中国互联网发展报告2024' },
    abstract: {
      en: 'Sample abstract (fictional): the report describes the state of the internet in China, its networks, platforms and digital services, and the rules that govern them, with figures for each province.',
      'zh-Hans': '示例摘要（虚构）：报告介绍中国互联网发展现状，包括网络、平台、数字服务及相关治理规则，并提供各省份的数据。',
    },
    tags: ['development'],
    authors: [wic],
  },
  {
    key: 'wid-2023',
    kind: 'blue-book',
    year: 2023,
    title: { en: 'World Internet Development Report 2023', 'zh-Hans': '世界互联网发展报告2023' },
    abstract: {
      en: 'Sample abstract (fictional): the 2023 report on the development of the internet worldwide, with chapters on connectivity, data, artificial intelligence and the digital divide.',
      'zh-Hans': '示例摘要（虚构）：2023年全球互联网发展报告，设有互联互通、数据、人工智能和数字鸿沟等章节。',
    },
    tags: ['development'],
    authors: [wic],
  },
  {
    key: 'outlook',
    kind: 'outlook',
    year: 2024,
    title: { en: 'Wuzhen Outlook 2024', 'zh-Hans': '乌镇展望2024' },
    abstract: {
      en: 'Sample abstract (fictional): views of the members on where the internet is heading in the coming years, and on what the international community can do together.',
      'zh-Hans': '示例摘要（虚构）：会员对未来几年互联网发展趋势的看法，以及国际社会可以共同开展的工作。',
    },
    tags: ['trends'],
    authors: [wic],
  },
  {
    key: 'concept',
    kind: 'concept',
    year: 2023,
    title: {
      en: 'Jointly Building a Community with a Shared Future in Cyberspace (concept document)',
      'zh-Hans': '携手构建网络空间命运共同体（概念文件）',
    },
    abstract: {
      en: 'Sample abstract (fictional): the concept explained in plain words: development, security, governance and benefits shared by all countries in cyberspace.',
      'zh-Hans': '示例摘要（虚构）：以通俗语言阐释这一理念：各国在网络空间共谋发展、共护安全、共同治理、共享成果。',
    },
    tags: ['shared-future'],
    authors: [wic],
  },
  {
    key: 'initiative',
    kind: 'initiative',
    year: 2024,
    title: {
      en: 'Action Initiative on Jointly Building a Community with a Shared Future in Cyberspace',
      'zh-Hans': '携手构建网络空间命运共同体行动倡议',
    },
    abstract: {
      en: 'Sample abstract (fictional): concrete actions proposed to governments, businesses, technical communities and civil society to put the shared future in cyberspace into practice.',
      'zh-Hans': '示例摘要（虚构）：面向政府、企业、技术社群和民间机构提出的具体行动，推动网络空间命运共同体理念落地。',
    },
    tags: ['shared-future'],
    authors: [wic],
  },
  {
    key: 'cases-2024',
    kind: 'case-collection',
    year: 2024,
    title: { en: 'Collection of Practice Cases 2024', 'zh-Hans': '实践案例集2024' },
    abstract: {
      en: 'Sample abstract (fictional): selected projects from members in many countries that narrow the digital divide, in education, health, agriculture and public services.',
      'zh-Hans': '示例摘要（虚构）：精选多国会员在教育、医疗、农业和公共服务领域弥合数字鸿沟的项目。',
    },
    tags: ['practice-case'],
    authors: [wic],
  },
  {
    key: 'cases-ai',
    kind: 'case-collection',
    year: 2024,
    title: { en: 'AI for Good: Collection of Cases', 'zh-Hans': '人工智能赋能向善案例集' },
    abstract: {
      en: 'Sample abstract (fictional): cases where artificial intelligence serves people: accessible services, disaster warning, medical imaging and farming.',
      'zh-Hans': '示例摘要（虚构）：人工智能服务于人的案例：无障碍服务、灾害预警、医学影像和农业生产。',
    },
    tags: ['practice-case', 'ai'],
    authors: [wic],
  },
];

export async function seedLibraryDemo(ctx: Ctx, refs: DemoRefs) {
  const adminId = refs.accounts?.get('admin@wuzhen.example');
  const actor: Actor | null = adminId
    ? {
        userId: adminId,
        email: 'admin@wuzhen.example',
        name: 'Demo Admin',
        locale: 'en',
        roles: ['admin'],
        scopes: [],
        sessionId: '',
        csrfToken: '',
      }
    : null;
  const ids = new Map<string, string>();
  for (const { key, ...input } of items) {
    await ctx.db.transaction(async (tx) => {
      const p = await createPublication(tx, actor, { ...input, status: 'published' }, { languages: ['zh-Hans', 'en'] });
      await addSamplePublicationFiles(tx, ctx.config.filesDir, actor, p.id, key, input.title, input.abstract);
      ids.set(key, p.id);
    });
  }
  refs.publications = ids;
}
