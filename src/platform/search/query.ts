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
  /** How many matches a search reads at most (counting and ranking); default 10,000. */
  countCap?: number;
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
  /** Matches, or the cap when there are more (see totalCapped). */
  total: number;
  /** True when there are more than `total` matches: counting stopped at the cap. */
  totalCapped: boolean;
  page: number;
  pageSize: number;
  /** Hits per kind, for the current query and filters other than kind. */
  kinds: Array<{ kind: string; count: number }>;
  years: Array<{ year: number; count: number }>;
  countries: Array<{ countryCode: string; count: number }>;
  /** True when the counts per kind, year and country come from the first `countCap` matches only (so each is a lower bound). */
  facetsCapped: boolean;
}

export const defaultCountCap = 10_000;

const rows = async <T>(db: DbOrTx, q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/** Latin letters of the query, long enough for typo-tolerant matching of names. */
function fuzzyText(q: string) {
  const s = normalize(q)
    .replace(/[^\p{Script=Latin}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return s.replace(/\s/g, '').length >= 6 ? s : '';
}

type Row = {
  kind: string;
  id: string;
  url: string;
  year: number | null;
  country_code: string | null;
  langs: string[];
  title: LocalizedText;
  summary: LocalizedText;
};
type Pass = {
  n: number;
  total: number;
  kinds: SearchResult['kinds'];
  years: SearchResult['years'];
  countries: SearchResult['countries'];
  items: Row[];
};

/**
 * Searches the index. Visibility is part of every statement's WHERE clause,
 * so results, counts and highlights come only from what the viewer may see.
 *
 * Common words can match most documents, so a search reads at most `countCap`
 * matches (title matches first) and counts, facets and ranks within those;
 * past the cap the total is reported as capped.
 */
export async function searchIndex(db: DbOrTx, query: SearchQuery): Promise<SearchResult> {
  const cap = Math.max(1, query.countCap ?? defaultCountCap);
  const terms = queryTerms(query.q ?? '');
  const empty: SearchResult = {
    items: [],
    total: 0,
    totalCapped: false,
    page: query.page,
    pageSize: query.pageSize,
    kinds: [],
    years: [],
    countries: [],
    facetsCapped: false,
  };
  if (!query.visibilities.length) return empty;
  if ((query.q ?? '').trim() && !terms.length) return empty;
  const tsq = terms.map((t) => t.tsquery).join(' & ');
  const fuzzy = fuzzyText(query.q ?? '');

  const visOf = (column: SQL) =>
    sql`${column} in (${sql.join(
      query.visibilities.map((v) => sql`${v}`),
      sql`, `,
    )})`;
  const vis = visOf(sql`visibility`);
  const kindFilter = query.kinds?.length
    ? sql`kind in (${sql.join(
        query.kinds.map((k) => sql`${k}`),
        sql`, `,
      )})`
    : sql`true`;
  // Words or a close name: each side from its own index (an OR of the two would scan the table).
  const matchOf = (withFuzzy: boolean) =>
    !terms.length
      ? sql`true`
      : withFuzzy
        ? sql`(kind, id) in (select kind, id from search_docs where words @@ ${tsq}::tsquery union select kind, id from search_docs where ${fuzzy} <% title_norm)`
        : sql`words @@ ${tsq}::tsquery`;
  const where = (match: SQL) => {
    const filters: SQL[] = [vis, match];
    if (query.year) filters.push(sql`year = ${query.year}`);
    if (query.country) filters.push(sql`country_code = ${query.country}`);
    if (query.lang) filters.push(sql`${query.lang} = any(langs)`);
    return sql.join(filters, sql` and `);
  };

  // The planner underrates the trigram index, and guesses that a LIMIT stops a table scan early
  // (it does not when few rows match): searches for words are told not to scan the table.
  const run = <T>(q: SQL, indexOnly: boolean) =>
    indexOnly
      ? db.transaction(async (tx) => {
          await tx.execute(sql`set local enable_seqscan = off`);
          return rows<T>(tx, q);
        })
      : rows<T>(db, q);
  const json = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);
  const order = sql`title_hit desc, rank desc, year desc nulls last, updated_at desc, kind, id`;
  // Pages end with the cap: the total never says more.
  const offset = (query.page - 1) * query.pageSize;
  const pageLimit = Math.max(0, Math.min(query.pageSize, cap - offset));

  /**
   * One bounded pass: up to cap + 1 matches (those with the words in the title
   * first) in `c`; counts, facets and the requested page come from them.
   * `candidates` narrows what is read (the kind filter, when it is applied before the cap).
   */
  const pass = async (withFuzzy: boolean, candidates: SQL): Promise<Pass> => {
    const base = sql`${where(matchOf(withFuzzy))} and ${candidates}`;
    // Title words are words too: a title match is a match, found from the smaller title index.
    const inTitle = terms.length ? sql`${where(sql`title_words @@ ${tsq}::tsquery`)} and ${candidates}` : sql`false`;
    const rank = !terms.length
      ? sql`0::real`
      : sql`(case when words @@ ${tsq}::tsquery then 1 + ts_rank('{0.1, 0.2, 0.4, 1.0}', words, ${tsq}::tsquery) else 0 end)${withFuzzy ? sql` + word_similarity(${fuzzy}, title_norm)` : sql``}`;
    const titleHit = terms.length ? sql`coalesce(title_words @@ ${tsq}::tsquery, false)` : sql`false`;
    const cols = sql`kind, id, year, country_code, updated_at`;
    const r = (
      await run<{
        n: number;
        total: number;
        kinds: Pass['kinds'] | string;
        years: Pass['years'] | string;
        countries: Pass['countries'] | string;
        items: Row[] | string;
      }>(
        sql`with t as materialized (select ${cols}, 1 as title_hit, ${rank} as rank from search_docs where ${inTitle} limit ${cap + 1}),
          b as materialized (select ${cols}, 0 as title_hit, ${rank} as rank from search_docs where ${base} and not ${titleHit} limit greatest(${cap + 1} - (select count(*) from t), 0)),
          c as (select * from t union all select * from b),
          f as (select * from c limit ${cap}),
          p as (select kind, id, row_number() over (order by ${order}) as o from (select * from c where ${kindFilter} order by ${order} limit ${pageLimit} offset ${offset}) s)
          select (select count(*) from c)::int as n,
            (select count(*) from c where ${kindFilter})::int as total,
            (select coalesce(json_agg(x order by x.count desc, x.kind), '[]') from (select kind, count(*)::int as count from f group by kind) x) as kinds,
            (select coalesce(json_agg(x order by x.year desc), '[]') from (select year, count(*)::int as count from f where ${kindFilter} and year is not null group by year order by year desc limit 30) x) as years,
            (select coalesce(json_agg(x order by x.count desc, x."countryCode"), '[]') from (select country_code as "countryCode", count(*)::int as count from f where ${kindFilter} and country_code is not null group by country_code order by count desc, country_code limit 50) x) as countries,
            (select coalesce(json_agg(x order by x.o), '[]') from (select d.kind, d.id, d.url, d.year, d.country_code, d.langs, d.title, d.summary, p.o
              from p join search_docs d on d.kind = p.kind and d.id = p.id where ${visOf(sql`d.visibility`)}) x) as items`,
        terms.length > 0,
      )
    )[0];
    return { n: r.n, total: r.total, kinds: json(r.kinds), years: json(r.years), countries: json(r.countries), items: json(r.items) };
  };

  // Typo-tolerant matching of names (trigrams) only when the words themselves find little.
  let useFuzzy = false;
  let c = await pass(false, sql`true`);
  if (fuzzy && terms.length && c.total < query.pageSize) {
    useFuzzy = true;
    c = await pass(true, sql`true`);
  }
  const facetsCapped = c.n > cap;
  let { total, years, countries, items: found } = c;
  // Past the cap, matches of the chosen kinds may lie beyond the ones read: read them on their own.
  if (facetsCapped && query.kinds?.length) ({ total, years, countries, items: found } = await pass(useFuzzy, kindFilter));
  // Without words, every row matches and the first ones read are no better than others: list the newest.
  if (!terms.length && total > cap)
    found = await rows<Row>(
      db,
      sql`select kind, id, url, year, country_code, langs, title, summary from search_docs where ${where(sql`true`)} and ${kindFilter}
        order by year desc nulls last, updated_at desc, kind, id limit ${pageLimit} offset ${offset}`,
    );
  const totalCapped = total > cap;
  const kinds = c.kinds;

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
  return {
    items,
    total: Math.min(total, cap),
    totalCapped,
    page: query.page,
    pageSize: query.pageSize,
    kinds,
    years,
    countries,
    facetsCapped,
  };
}
