import type { Actor } from '../../platform/auth/access.js';
import { documentTypes, storeFile } from '../../platform/files/index.js';
import type { Ctx, DemoRefs } from '../../platform/http/types.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import type { PublicationInput } from './contract.js';
import { createPublication, setPublicationFile } from './service.js';

/** A one-page PDF saying it is a sample: the demo's files are placeholders, not the real books. */
export function samplePdf(title: string) {
  const text = `SAMPLE FILE - fictional placeholder for: ${title.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '')}`;
  const stream = `BT /F1 14 Tf 50 780 Td (${text.slice(0, 90)}) Tj ET`;
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const sample: LocalizedText = {
  en: 'Sample abstract for the demo (fictional text): the real publication is summarized here in a few sentences.',
  'zh-Hans': '演示用摘要（虚构文本）：此处以几句话概述真实出版物的内容。',
};

const wic = { kind: 'organization' as const, name: { en: 'World Internet Conference', 'zh-Hans': '世界互联网大会' } };

const items: Array<Omit<PublicationInput, 'status'> & { key: string; files: string[] }> = [
  {
    key: 'wid-2024',
    kind: 'blue-book',
    year: 2024,
    title: { en: 'World Internet Development Report 2024', 'zh-Hans': '世界互联网发展报告2024' },
    tags: ['blue-book', 'development'],
    authors: [wic],
    files: ['zh-Hans', 'en'],
  },
  {
    key: 'cid-2024',
    kind: 'blue-book',
    year: 2024,
    title: { en: 'China Internet Development Report 2024', 'zh-Hans': '中国互联网发展报告2024' },
    tags: ['blue-book', 'development'],
    authors: [wic],
    files: ['zh-Hans'],
  },
  {
    key: 'wid-2023',
    kind: 'blue-book',
    year: 2023,
    title: { en: 'World Internet Development Report 2023', 'zh-Hans': '世界互联网发展报告2023' },
    tags: ['blue-book', 'development'],
    authors: [wic],
    files: ['zh-Hans', 'en'],
  },
  {
    key: 'outlook',
    kind: 'outlook',
    year: 2024,
    title: { en: 'Wuzhen Outlook 2024', 'zh-Hans': '乌镇展望2024' },
    tags: ['outlook'],
    authors: [wic],
    files: ['zh-Hans', 'en'],
  },
  {
    key: 'concept',
    kind: 'concept',
    year: 2023,
    title: {
      en: 'Jointly Building a Community with a Shared Future in Cyberspace (concept document)',
      'zh-Hans': '携手构建网络空间命运共同体（概念文件）',
    },
    tags: ['shared-future'],
    authors: [wic],
    files: ['zh-Hans', 'en'],
  },
  {
    key: 'initiative',
    kind: 'initiative',
    year: 2024,
    title: {
      en: 'Action Initiative on Jointly Building a Community with a Shared Future in Cyberspace',
      'zh-Hans': '携手构建网络空间命运共同体行动倡议',
    },
    tags: ['shared-future', 'initiative'],
    authors: [wic],
    files: ['zh-Hans', 'en'],
  },
  {
    key: 'cases-2024',
    kind: 'case-collection',
    year: 2024,
    title: { en: 'Collection of Practice Cases 2024', 'zh-Hans': '实践案例集2024' },
    tags: ['practice-case'],
    authors: [wic],
    files: ['zh-Hans', 'en'],
  },
  {
    key: 'cases-ai',
    kind: 'case-collection',
    year: 2024,
    title: { en: 'AI for Good: Collection of Cases', 'zh-Hans': '人工智能赋能向善案例集' },
    tags: ['practice-case', 'ai'],
    authors: [wic],
    files: ['en'],
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
  for (const it of items) {
    const { key, files, ...input } = it;
    await ctx.db.transaction(async (tx) => {
      const p = await createPublication(tx, actor, { ...input, abstract: sample, status: 'published' }, { languages: files });
      for (const lang of files) {
        const f = await storeFile(tx, ctx.config.filesDir, {
          data: samplePdf(`${it.title.en} (${lang})`),
          filename: `${key}-${lang}.pdf`,
          allowed: documentTypes,
          maxBytes: 1 << 20,
          ownerId: adminId ?? null,
        });
        await setPublicationFile(tx, actor, p.id, lang, f.id);
      }
      ids.set(key, p.id);
    });
  }
  refs.publications = ids;
}
