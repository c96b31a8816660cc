import { sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { localize, type Locale, type LocalizedText } from '../i18n/index.js';
import { highlight, snippet, type Segment } from './highlight.js';
import type { Visibility } from './index.js';
import { normalize, queryTerms } from './normalize.js';

export interface SearchQuery {
  q?: string;
  /** Kinds to show (e.g. ['event']); the counts per kind ignore this filter. */
  kinds?: string[];
  year?: number;
  country?: string;
  /** Only things written in this language. */
  lang?: Locale;
  page: number;
  pageSize: number;
  /** The language of the titles and snippets. */
  locale: Locale;
  /** What the viewer may see: decided by the caller, enforced in the SQL. */
  visibilities: Visibility[];
}

export interface SearchHit {
  kind: string;
  id: string;
  url: string;
  year: number | null;
  countryCode: string | null;
  langs: string[];
  title: Segment[];
  titleText: string;
  snippet: Segment[];
  /** True when the shown text was converted from the other Chinese script. */
  converted: boolean;
}

export interface SearchResult {
  items: SearchHit[];
  total: number;
  page: number;
  pageSize: number;
  /** Hits per kind, for the current query and filters other than kind. */
  kinds: Array<{ kind: string; count: number }>;
  years: Array<{ year: number; count: number }>;
  countries: Array<{ countryCode: string; count: number }>;
}

const rows = async <T>(db: DbOrTx, q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** Latin letters of the query, long enough for typo-tolerant matching of names. */
function fuzzyText(q: string) {
  const s = normalize(q)
    .replace(/[^\p{Script=Latin}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.replace(/\s/g, '').length >= 6 ? s : '';
}

/**
 * Searches the index. Visibility is part of every statement's WHERE clause,
 * so results, counts and highlights come only from what the viewer may see.
 */
export async function searchIndex(db: DbOrTx, query: SearchQuery): Promise<SearchResult> {
  const terms = queryTerms(query.q ?? '');
  const empty: SearchResult = { items: [], total: 0, page: query.page, pageSize: query.pageSize, kinds: [], years: [], countries: [] };
  if (!query.visibilities.length) return empty;
  if ((query.q ?? '').trim() && !terms.length) return empty;
  const tsq = terms.map((t) => t.tsquery).join(' & ');
  const fuzzy = fuzzyText(query.q ?? '');

  const vis = sql`visibility in (${sql.join(
    query.visibilities.map((v) => sql`${v}`),
    sql`, `,
  )})`;
  const kindFilter = query.kinds?.length
    ? sql`kind in (${sql.join(
        query.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql`true`;
  const where = (withFuzzy: boolean) => {
    // Words or a close name: each side from its own index (an OR of the two would scan the table).
    const match = !terms.length
      ? sql`true`
      : withFuzzy
        ? sql`(kind, id) in (select kind, id from search_docs where words @@ ${tsq}::tsquery union select kind, id from search_docs where ${fuzzy} <% title_norm)`
        : sql`words @@ ${tsq}::tsquery`;
    const filters: SQL[] = [vis, match];
    if (query.year) filters.push(sql`year = ${query.year}`);
    if (query.country) filters.push(sql`country_code = ${query.country}`);
    if (query.lang) filters.push(sql`${query.lang} = any(langs)`);
    return sql.join(filters, sql` and `);
  };

  // The planner underrates the trigram index and would scan every row for the typo-tolerant pass; it is told not to.
  const run = <T>(q: SQL, withFuzzy: boolean) =>
    withFuzzy
      ? db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          return rows<T>(tx, q);
        })
      : rows<T>(db, q);
  // Counts for the total and the three facets in one pass over the matches.
  const counts = async (base: SQL, withFuzzy = false) =>
    (
      await run<{ total: number; kinds: SearchResult['kinds'] | string; years: SearchResult['years'] | string; countries: SearchResult['countries'] | string }>(
        sql`with m as materialized (select kind, year, country_code from search_docs where ${base})
          select (select count(*) from m where ${kindFilter})::int as total,
            (select coalesce(json_agg(x order by x.count desc, x.kind), '[]') from (select kind, count(*)::int as count from m group by kind) x) as kinds,
            (select coalesce(json_agg(x order by x.year desc), '[]') from (select year, count(*)::int as count from m where ${kindFilter} and year is not null group by year order by year desc limit 30) x) as years,
            (select coalesce(json_agg(x order by x.count desc, x."countryCode"), '[]') from (select country_code as "countryCode", count(*)::int as count from m where ${kindFilter} and country_code is not null group by country_code order by count desc, country_code limit 50) x) as countries`,
        withFuzzy,
      )
    )[0];
  // Typo-tolerant matching of names (trigrams) only when the words themselves find little.
  let base = where(false);
  let c = await counts(base);
  const useFuzzy = !!fuzzy && !!terms.length && c.total < query.pageSize;
  if (useFuzzy) {
    base = where(true);
    c = await counts(base, true);
  }
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const total = c.total;
  const kinds = json(c.kinds);
  const years = json(c.years);
  const countries = json(c.countries);

  const rank = !terms.length
    ? sql`0::real`
    : sql`(case when words @@ ${tsq}::tsquery then 1 + ts_rank('{0.1, 0.2, 0.4, 1.0}', words, ${tsq}::tsquery) else 0 end)${useFuzzy ? sql` + word_similarity(${fuzzy}, title_norm)` : sql``}`;

  const found = total
    ? await run<{ kind: string; id: string; url: string; year: number | null; country_code: string | null; langs: string[]; title: LocalizedText; summary: LocalizedText }>(
        sql`select kind, id, url, year, country_code, langs, title, summary
        from search_docs where ${base} and ${kindFilter}
        order by ${rank} desc, year desc nulls last, updated_at desc, kind, id
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
        useFuzzy,
      )
    : [];

  const items = found.map((r) => {
    const title = localize(r.title, query.locale);
    const summary = localize(r.summary, query.locale);
    return {
      kind: r.kind,
      id: r.id,
      url: r.url,
      year: r.year,
      countryCode: r.country_code,
      langs: r.langs,
      title: highlight(title.text, terms),
      titleText: title.text,
      snippet: snippet(summary.text, terms),
      converted: title.converted || summary.converted,
    };
  });
  return { items, total, page: query.page, pageSize: query.pageSize, kinds, years, countries };
}
