import { and, eq, sql } from 'drizzle-orm';
import type { Db, DbOrTx } from '../db/index.js';
import { fillChinese, type LocalizedText } from '../i18n/index.js';
import { searchDocs } from './model.js';
import { normalize, tokens } from './normalize.js';

export type Visibility = 'public' | 'members' | 'staff';

export interface SearchDoc {
  kind: string;
  id: string;
  visibility: Visibility;
  title: LocalizedText;
  summary?: LocalizedText;
  /** Further text to match (not shown): descriptions, names of speakers, tags… */
  body?: Array<LocalizedText | string | null | undefined>;
  url: string;
  year?: number | null;
  countryCode?: string | null;
}

const texts = (v: LocalizedText | string | null | undefined): string[] =>
  v == null ? [] : typeof v === 'string' ? [v] : (Object.values(fillChinese(v)).filter(Boolean) as string[]);
const lexemes = (parts: string[]) => [...new Set(parts.flatMap((p) => tokens(p)))].filter((w) => w.length <= 200).slice(0, 4000);

/** Adds or replaces documents in the search index. Call it in the transaction that changes them. */
export async function indexDocs(db: DbOrTx, docs: SearchDoc[]) {
  for (const d of docs) {
    const titleTexts = texts(d.title);
    const bodyTexts = [...texts(d.summary), ...(d.body ?? []).flatMap(texts)];
    const a = lexemes(titleTexts);
    const b = lexemes(bodyTexts);
    const vector = sql`setweight(array_to_tsvector(${sql.param(a)}::text[]), 'A') || setweight(array_to_tsvector(${sql.param(b)}::text[]), 'B')`;
    const values = {
      kind: d.kind,
      id: d.id,
      visibility: d.visibility,
      title: d.title,
      summary: d.summary ?? {},
      url: d.url,
      year: d.year ?? null,
      countryCode: d.countryCode ?? null,
      langs: Object.keys(d.title).filter((k) => (d.title as Record<string, string>)[k]),
      words: vector as unknown as string,
      titleWords: sql`array_to_tsvector(${sql.param(a)}::text[])` as unknown as string,
      titleNorm: normalize(titleTexts.join(' | ')),
      updatedAt: new Date(),
    };
    await db
      .insert(searchDocs)
      .values(values)
      .onConflictDoUpdate({ target: [searchDocs.kind, searchDocs.id], set: { ...values, kind: undefined, id: undefined } as never });
  }
}

export async function removeDoc(db: DbOrTx, kind: string, id: string) {
  await db.delete(searchDocs).where(and(eq(searchDocs.kind, kind), eq(searchDocs.id, id)));
}

export { searchDocs };

/**
 * Empties the index and fills it again from the given sources, in one
 * transaction: searches see the old index until the new one is complete.
 */
export async function rebuildIndex(db: Db, sources: Array<AsyncIterable<SearchDoc>>): Promise<number> {
  // Read every source before the transaction opens: sources read the database,
  // and the embedded engine has one connection, which the transaction would hold.
  const all: SearchDoc[] = [];
  for (const source of sources) for await (const doc of source) all.push(doc);
  return db.transaction(async (tx) => {
    await tx.delete(searchDocs);
    for (let i = 0; i < all.length; i += 200) await indexDocs(tx, all.slice(i, i + 200));
    return all.length;
  });
}
