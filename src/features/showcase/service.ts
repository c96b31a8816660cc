import type { Actor } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { toXlsx, type Column } from '../../platform/exports/index.js';
import { fail, invalid, notFound } from '../../platform/http/errors.js';
import { fillChinese, localize, pickLocale, type Locale, type LocalizedText } from '../../platform/i18n/index.js';
import { indexDocs, removeDoc, type SearchDoc } from '../../platform/search/index.js';
import type { CallKind } from '../calls/contract.js';
import { callHeading, selectedEntries, setEntriesPublished, type SelectedEntry } from '../calls/index.js';
import { countryNames } from '../directory/index.js';
import { bookletPdf } from './booklet.js';
import { showcaseErrors, showcasePages, type ShowcaseFilters } from './contract.js';
import { pagePath } from '../../platform/http/links.js';

export interface ShowcaseQuery {
  locale: Locale;
  kind?: CallKind;
  year?: number;
  callId?: string;
  field?: string;
  country?: string;
}

type Row = { s: SelectedEntry['submission']; c: SelectedEntry['call']; countryName: LocalizedText | null };

const text = (v: unknown): LocalizedText => (typeof v === 'string' ? { en: v } : v && typeof v === 'object' ? (v as LocalizedText) : {});

/** The languages an entry was written in (its title's), before any conversion. */
const langsOf = (t: LocalizedText) => Object.keys(t).filter((k) => (t as Record<string, string>)[k]);

/** The asked language, else the browser's. */
export const showcaseLocale = (asked: Locale | undefined, acceptLanguage: string | undefined) => asked ?? pickLocale(acceptLanguage ?? '');

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
    url: pagePath(showcasePages.entry, { id: s.id }),
  };
}

export type ShowcaseEntry = ReturnType<typeof presentEntry>;

/** Selected entries with their call and country name. */
async function rows(db: DbOrTx, filter: Parameters<typeof selectedEntries>[1]): Promise<Row[]> {
  const entries = await selectedEntries(db, filter);
  const names = await countryNames(
    db,
    entries.flatMap((e) => (e.submission.countryCode ? [e.submission.countryCode] : [])),
  );
  return entries.map((e) => ({
    s: e.submission,
    c: e.call,
    countryName: e.submission.countryCode ? (names.get(e.submission.countryCode) ?? null) : null,
  }));
}

const published = (q: Partial<ShowcaseQuery>) => ({
  published: true,
  kind: q.kind,
  year: q.year,
  callId: q.callId,
  category: q.field,
  countryCode: q.country,
});

export async function listShowcase(db: DbOrTx, q: ShowcaseQuery) {
  return (await rows(db, published(q))).map((r) => presentEntry(r, q.locale));
}

export async function getEntry(db: DbOrTx, id: string, locale: Locale) {
  const [r] = await rows(db, { published: true, ids: [id] });
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

/** The published entries of one call (the filters narrow them), for its booklet and spreadsheet. */
async function collection(db: DbOrTx, q: ShowcaseFilters & { locale: Locale }) {
  if (!q.callId) throw invalid('callId', 'choose the call of the collection');
  const call = await callHeading(db, q.callId);
  return { call, entries: await listShowcase(db, { ...q, locale: q.locale }) };
}

/** The collection of a call as a PDF booklet. */
export async function collectionBooklet(db: DbOrTx, q: ShowcaseFilters & { locale: Locale }) {
  const { call, entries } = await collection(db, q);
  const data = await bookletPdf(localize(call.title, q.locale).text, call.year, entries, q.locale);
  return { mime: 'application/pdf', name: `${call.kind}-${call.year}-${q.locale}.pdf`, data };
}

/** The collection of a call as a spreadsheet: one row per entry, one column per public field. */
export async function collectionSpreadsheet(db: DbOrTx, q: ShowcaseFilters & { locale: Locale }) {
  const { call, entries } = await collection(db, q);
  const fieldKeys = [...new Set(entries.flatMap((e) => e.fields.map((f) => f.key)))];
  const cols: Column<ShowcaseEntry>[] = [
    { header: 'code', value: (e) => e.code, width: 18 },
    { header: 'title', value: (e) => e.title.text, width: 50 },
    { header: 'field', value: (e) => e.categoryLabel, width: 30 },
    { header: 'country', value: (e) => e.country ?? e.countryCode, width: 20 },
    ...fieldKeys.map((k) => ({ header: k, value: (e: ShowcaseEntry) => e.fields.find((f) => f.key === k)?.text ?? '', width: 40 })),
    { header: 'url', value: (e) => e.url, width: 50 },
  ];
  return {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    name: `${call.kind}-${call.year}-${q.locale}.xlsx`,
    data: await toXlsx(`${call.kind} ${call.year}`, cols, entries),
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
    url: pagePath(showcasePages.entry, { id: r.s.id }),
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
    const chosen = await rows(tx, { callId, ids: ids?.length ? ids : undefined });
    if (ids?.length && chosen.length !== ids.length)
      throw fail(showcaseErrors, 'not_selected', 'Only selected entries of this call can be published.');
    const now = new Date();
    await setEntriesPublished(
      tx,
      chosen.filter((r) => !r.s.publishedAt).map((r) => r.s.id),
      now,
    );
    for (const r of chosen) await indexDocs(tx, [entryDoc({ ...r, s: { ...r.s, publishedAt: r.s.publishedAt ?? now } })]);
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
    const [id] = await setEntriesPublished(tx, [submissionId], null);
    if (!id) throw notFound();
    await removeDoc(tx, 'case', submissionId);
    await audit(tx, { actor, action: 'showcase.unpublish', entity: 'submission', entityId: submissionId });
    return { ok: true as const };
  });
}
