import { and, asc, eq, inArray, isNotNull, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { fail, notFound } from '../../platform/http/errors.js';
import { showcaseErrors } from './contract.js';
import { fillChinese, localize, type Locale, type LocalizedText } from '../../platform/i18n/index.js';
import { indexDocs, removeDoc, type SearchDoc } from '../../platform/search/index.js';
import { calls, submissions } from '../calls/model.js';
import { countries } from '../directory/model.js';

export interface ShowcaseQuery {
  locale: Locale;
  kind?: string;
  year?: number;
  callId?: string;
  field?: string;
  country?: string;
}

type Row = { s: typeof submissions.$inferSelect; c: typeof calls.$inferSelect; countryName: LocalizedText | null };

const text = (v: unknown): LocalizedText => (typeof v === 'string' ? { en: v } : v && typeof v === 'object' ? (v as LocalizedText) : {});

/** The languages an entry was written in (its title's), before any conversion. */
const langsOf = (t: LocalizedText) => Object.keys(t).filter((k) => (t as Record<string, string>)[k]);

/** A published entry as the public sees it: public fields only, in the asked language (the other Chinese script converted and marked). */
export function presentEntry({ s, c, countryName }: Row, locale: Locale) {
  const category = c.categories.find((o) => o.value === s.category);
  const fields = c.form
    .filter((f) => f.public && f.key !== 'title' && s.answers[f.key] != null)
    .map((f) => {
      const v = s.answers[f.key];
      const loc =
        f.type === 'url' || (!f.localized && typeof v === 'string')
          ? { text: String(v), lang: null, converted: false }
          : localize(text(v), locale);
      return { key: f.key, type: f.type, label: localize(f.label, locale).text, ...loc };
    });
  return {
    id: s.id,
    code: s.code,
    callId: c.id,
    kind: c.kind,
    year: c.year,
    callTitle: localize(c.title, locale).text,
    title: localize(s.title, locale),
    category: s.category,
    categoryLabel: category ? localize(category.label, locale).text : null,
    countryCode: s.countryCode,
    country: countryName ? localize(countryName, locale).text : null,
    languages: langsOf(s.title),
    /** Languages the page can be read in: the originals plus the other Chinese script by conversion. */
    available: langsOf(fillChinese(s.title)),
    fields,
    url: `/showcase/${s.id}`,
  };
}

export type ShowcaseEntry = ReturnType<typeof presentEntry>;

const published = (q: Partial<ShowcaseQuery>) => {
  const where: SQL[] = [isNotNull(submissions.publishedAt), eq(submissions.decision, 'selected'), eq(submissions.status, 'submitted')];
  if (q.kind) where.push(eq(calls.kind, q.kind));
  if (q.year) where.push(eq(calls.year, q.year));
  if (q.callId) where.push(eq(calls.id, q.callId));
  if (q.field) where.push(eq(submissions.category, q.field));
  if (q.country) where.push(eq(submissions.countryCode, q.country));
  return and(...where);
};

async function rows(db: DbOrTx, where: SQL | undefined): Promise<Row[]> {
  return db
    .select({ s: submissions, c: calls, countryName: countries.name })
    .from(submissions)
    .innerJoin(calls, eq(calls.id, submissions.callId))
    .leftJoin(countries, eq(countries.code, submissions.countryCode))
    .where(where)
    .orderBy(asc(calls.year), asc(submissions.category), asc(submissions.code));
}

export async function listShowcase(db: DbOrTx, q: ShowcaseQuery) {
  return (await rows(db, published(q))).map((r) => presentEntry(r, q.locale));
}

export async function getEntry(db: DbOrTx, id: string, locale: Locale) {
  const [r] = await rows(db, and(published({}), eq(submissions.id, id)));
  if (!r) throw notFound();
  return presentEntry(r, locale);
}

/** Facets for the public filters: years, fields and countries that have published entries. */
export async function facets(db: DbOrTx, locale: Locale) {
  const all = await rows(db, published({}));
  const uniq = <T>(xs: T[], key: (x: T) => string) => [...new Map(xs.map((x) => [key(x), x])).values()];
  return {
    years: [...new Set(all.map((r) => r.c.year))].sort(),
    calls: uniq(all, (r) => r.c.id).map((r) => ({ id: r.c.id, kind: r.c.kind, year: r.c.year, title: localize(r.c.title, locale).text })),
    fields: uniq(
      all.filter((r) => r.s.category),
      (r) => r.s.category!,
    ).map((r) => ({ value: r.s.category!, label: localize(r.c.categories.find((o) => o.value === r.s.category)?.label, locale).text })),
    countries: uniq(
      all.filter((r) => r.s.countryCode),
      (r) => r.s.countryCode!,
    ).map((r) => ({ code: r.s.countryCode!, name: localize(r.countryName, locale).text })),
  };
}

/** The search document of a published entry (kind 'case', public, /showcase/<id>). */
function entryDoc(r: Row): SearchDoc {
  const e = presentEntry(r, 'en');
  return {
    kind: 'case',
    id: r.s.id,
    visibility: 'public',
    title: r.s.title,
    summary: text(r.s.answers.summary),
    body: [r.c.title, ...e.fields.map((f) => (f.type === 'url' ? null : text(r.s.answers[f.key])))],
    url: `/showcase/${r.s.id}`,
    year: r.c.year,
    countryCode: r.s.countryCode,
  };
}

/** Every published entry, for `wuzhen search rebuild`. */
export async function* showcaseSearchDocs(db: DbOrTx): AsyncIterable<SearchDoc> {
  for (const r of await rows(db, published({}))) yield entryDoc(r);
}

/** Publishes the selected entries of a call (all, or the listed ones) and puts them in the public search index. */
export async function publish(db: Db, actor: Actor, callId: string, ids?: string[]) {
  return db.transaction(async (tx) => {
    const where = and(
      eq(submissions.callId, callId),
      eq(submissions.decision, 'selected'),
      eq(submissions.status, 'submitted'),
      ids?.length ? inArray(submissions.id, ids) : undefined,
    );
    const chosen = await rows(tx, where);
    if (ids?.length && chosen.length !== ids.length)
      throw fail(showcaseErrors, 'not_selected', 'Only selected entries of this call can be published.');
    const now = new Date();
    for (const r of chosen) {
      if (!r.s.publishedAt) await tx.update(submissions).set({ publishedAt: now }).where(eq(submissions.id, r.s.id));
      await indexDocs(tx, [entryDoc({ ...r, s: { ...r.s, publishedAt: r.s.publishedAt ?? now } })]);
    }
    await audit(tx, {
      actor,
      action: 'showcase.publish',
      entity: 'call',
      entityId: callId,
      after: { published: chosen.map((r) => r.s.code) },
    });
    return { published: chosen.length };
  });
}

export async function unpublish(db: Db, actor: Actor, submissionId: string) {
  return db.transaction(async (tx) => {
    const [s] = await tx
      .update(submissions)
      .set({ publishedAt: null })
      .where(eq(submissions.id, submissionId))
      .returning({ id: submissions.id });
    if (!s) throw notFound();
    await removeDoc(tx, 'case', submissionId);
    await audit(tx, { actor, action: 'showcase.unpublish', entity: 'submission', entityId: submissionId });
    return { ok: true as const };
  });
}
