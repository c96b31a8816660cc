import type { Actor } from '../../platform/auth/access.js';
import type { Ctx } from '../../platform/http/types.js';
import { rebuildIndex } from '../../platform/search/index.js';
import { searchIndex } from '../../platform/search/query.js';
import { type SearchKind, type SearchQueryInput, searchKinds } from './contract.js';
import { visibleTo } from './policy.js';
import type { Feature } from '../../platform/http/types.js';

/** A kind read back from the index; one the contract does not name is a bug in the feature that indexed it. */
function kindOf(kind: string): SearchKind {
  const known = searchKinds.find((k) => k === kind);
  if (!known) throw new Error(`The search index holds an unknown kind: ${kind}`);
  return known;
}

/** Searches everything the actor may see. */
export async function search(ctx: Ctx, actor: Actor | null, q: SearchQueryInput) {
  const r = await searchIndex(ctx.db, {
    q: q.q,
    kinds: q.kind ? q.kind.split(',') : undefined,
    year: q.year,
    country: q.country,
    lang: q.lang,
    locale: q.locale,
    page: q.page,
    pageSize: q.pageSize,
    visibilities: await visibleTo(ctx, actor),
    countCap: ctx.config.SEARCH_COUNT_CAP,
  });
  return {
    ...r,
    items: r.items.map((i) => ({ ...i, kind: kindOf(i.kind) })),
    kinds: r.kinds.map((k) => ({ ...k, kind: kindOf(k.kind) })),
  };
}

/** Empties the search index and re-adds every feature's documents. */
export async function rebuild(ctx: Ctx, features: Feature[]) {
  return rebuildIndex(
    ctx.db,
    features.flatMap((f) => (f.searchDocs ? [f.searchDocs(ctx)] : [])),
  );
}
