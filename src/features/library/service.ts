import { and, asc, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { type Actor, isStaff } from '../../platform/auth/access.js';
import { audit } from '../../platform/audit/index.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { documentTypes, imageTypes, readFile, storeFile } from '../../platform/files/index.js';
import { files } from '../../platform/files/model.js';
import type { Upload } from '../../platform/http/upload.js';
import { fail, invalid, notFound } from '../../platform/http/errors.js';
import { type Locale, type LocalizedText, locales } from '../../platform/i18n/index.js';
import { indexDocs, removeDoc, type SearchDoc } from '../../platform/search/index.js';
import { type FileFormat, libraryErrors, libraryPages, type ListQuery, type PublicationInput } from './contract.js';
import { publicationAuthors, publicationFiles, publications } from './model.js';
import { pagePath } from '../../platform/http/links.js';

type Pub = typeof publications.$inferSelect;

export interface PublicationExtras {
  sourceDocumentId?: string | null;
  sourceVersionId?: string | null;
  endorsers?: Pub['endorsers'];
  languages?: string[];
}

const auditActor = (a: Actor | null) => (a ? { userId: a.userId, email: a.email } : null);

/** The search document of a publication, or null when it is not public. */
export async function publicationSearchDoc(db: DbOrTx, p: Pub): Promise<SearchDoc | null> {
  if (p.status !== 'published') return null;
  const authors = await db
    .select({ name: publicationAuthors.name })
    .from(publicationAuthors)
    .where(eq(publicationAuthors.publicationId, p.id));
  return {
    kind: 'publication',
    id: p.id,
    visibility: 'public',
    title: p.title,
    summary: p.abstract,
    body: [...authors.map((a) => a.name), p.tags.join(' '), p.edition, p.kind],
    url: pagePath(libraryPages.publication, { id: p.id }),
    year: p.year,
  };
}

async function reindex(db: DbOrTx, id: string) {
  const [p] = await db.select().from(publications).where(eq(publications.id, id));
  if (!p) return;
  const doc = await publicationSearchDoc(db, p);
  if (!doc) return removeDoc(db, 'publication', id);
  await indexDocs(db, [doc]);
}

/** Every public publication, for `wuzhen search rebuild`. */
export async function* librarySearchDocs(db: DbOrTx): AsyncIterable<SearchDoc> {
  for (const p of await db.select().from(publications).where(eq(publications.status, 'published'))) {
    const doc = await publicationSearchDoc(db, p);
    if (doc) yield doc;
  }
}

async function checkSupersedes(db: DbOrTx, id: string | null, supersedesId: string | null | undefined) {
  if (!supersedesId) return;
  if (supersedesId === id) throw invalid('supersedesId', 'A publication cannot supersede itself.');
  const [s] = await db.select({ id: publications.id }).from(publications).where(eq(publications.id, supersedesId));
  if (!s) throw invalid('supersedesId', 'No such publication.');
  // No cycles: walk down the chain from the superseded one.
  let cur: string | null = supersedesId;
  for (let i = 0; cur && i < 100; i++) {
    const [row]: Array<{ s: string | null }> = await db
      .select({ s: publications.supersedesId })
      .from(publications)
      .where(eq(publications.id, cur));
    cur = row?.s ?? null;
    if (cur && cur === id) throw invalid('supersedesId', 'This would make a circle of editions.');
  }
}

export async function createPublication(db: DbOrTx, actor: Actor | null, input: PublicationInput, extras: PublicationExtras = {}) {
  await checkSupersedes(db, null, input.supersedesId);
  const [p] = await db
    .insert(publications)
    .values({
      kind: input.kind,
      year: input.year,
      title: input.title,
      abstract: input.abstract ?? {},
      tags: [...new Set(input.tags)],
      edition: input.edition ?? null,
      supersedesId: input.supersedesId ?? null,
      status: input.status,
      languages: extras.languages ?? Object.keys(input.title),
      sourceDocumentId: extras.sourceDocumentId ?? null,
      sourceVersionId: extras.sourceVersionId ?? null,
      endorsers: extras.endorsers ?? [],
      createdBy: actor?.userId ?? null,
    })
    .returning();
  if (input.authors.length)
    await db
      .insert(publicationAuthors)
      .values(input.authors.map((a, i) => ({ publicationId: p.id, kind: a.kind, refId: a.refId ?? null, name: a.name, position: i })));
  await audit(db, {
    actor: auditActor(actor),
    action: 'publication.create',
    entity: 'publication',
    entityId: p.id,
    after: { kind: p.kind, title: p.title, sourceVersionId: p.sourceVersionId },
  });
  await reindex(db, p.id);
  return p;
}

export async function updatePublication(db: DbOrTx, actor: Actor, id: string, input: PublicationInput) {
  const [before] = await db.select().from(publications).where(eq(publications.id, id));
  if (!before) throw notFound();
  await checkSupersedes(db, id, input.supersedesId);
  await db
    .update(publications)
    .set({
      kind: input.kind,
      year: input.year,
      title: input.title,
      abstract: input.abstract ?? {},
      tags: [...new Set(input.tags)],
      edition: input.edition ?? null,
      supersedesId: input.supersedesId ?? null,
      status: input.status,
      updatedAt: new Date(),
    })
    .where(eq(publications.id, id));
  await db.delete(publicationAuthors).where(eq(publicationAuthors.publicationId, id));
  if (input.authors.length)
    await db
      .insert(publicationAuthors)
      .values(input.authors.map((a, i) => ({ publicationId: id, kind: a.kind, refId: a.refId ?? null, name: a.name, position: i })));
  await audit(db, {
    actor: auditActor(actor),
    action: 'publication.update',
    entity: 'publication',
    entityId: id,
    before: { title: before.title, status: before.status },
    after: { title: input.title, status: input.status },
  });
  await reindex(db, id);
}

export async function setPublicationFile(db: DbOrTx, actor: Actor | null, id: string, lang: string, fileId: string) {
  const [p] = await db.select({ languages: publications.languages }).from(publications).where(eq(publications.id, id));
  if (!p) throw notFound();
  await db
    .insert(publicationFiles)
    .values({ publicationId: id, lang, fileId })
    .onConflictDoUpdate({ target: [publicationFiles.publicationId, publicationFiles.lang], set: { fileId } });
  if (!p.languages.includes(lang))
    await db
      .update(publications)
      .set({ languages: [...p.languages, lang] })
      .where(eq(publications.id, id));
  await audit(db, { actor: auditActor(actor), action: 'publication.file', entity: 'publication', entityId: id, after: { lang, fileId } });
}

export async function setCover(db: DbOrTx, actor: Actor | null, id: string, fileId: string) {
  const r = await db.update(publications).set({ coverFileId: fileId }).where(eq(publications.id, id)).returning({ id: publications.id });
  if (!r.length) throw notFound();
  await audit(db, { actor: auditActor(actor), action: 'publication.cover', entity: 'publication', entityId: id, after: { fileId } });
}

export async function deletePublication(db: DbOrTx, actor: Actor, id: string) {
  const [p] = await db.select().from(publications).where(eq(publications.id, id));
  if (!p) throw notFound();
  const [later] = await db.select({ id: publications.id }).from(publications).where(eq(publications.supersedesId, id));
  if (later)
    throw fail(libraryErrors, 'publication_superseded', 'A later edition supersedes this publication; remove or relink that one first.');
  await db.delete(publications).where(eq(publications.id, id));
  await removeDoc(db, 'publication', id);
  await audit(db, {
    actor: auditActor(actor),
    action: 'publication.delete',
    entity: 'publication',
    entityId: id,
    before: { title: p.title },
  });
}

/** No published later edition supersedes it: the edition public lists show. */
const isCurrent = sql`not exists (select 1 from ${publications} s where s.supersedes_id = ${publications.id} and s.status = 'published')`;

function filters(q: Partial<ListQuery>, includeDrafts: boolean) {
  const where: SQL[] = [];
  // The secretariat's list holds everything; the public one the current editions (earlier ones are reached from them).
  if (!includeDrafts) where.push(eq(publications.status, 'published'), isCurrent);
  if (q.kind) where.push(eq(publications.kind, q.kind));
  if (q.year) where.push(eq(publications.year, q.year));
  if (q.lang) where.push(sql`${publications.languages} @> ${JSON.stringify([q.lang])}::jsonb`);
  if (q.tag) where.push(sql`${publications.tags} @> ${JSON.stringify([q.tag])}::jsonb`);
  if (q.group)
    where.push(
      sql`exists (select 1 from ${publicationAuthors} pa where pa.publication_id = ${publications.id} and pa.kind = 'group' and pa.ref_id = ${q.group})`,
    );
  return and(...where);
}

const formatOf = (mime: string): FileFormat =>
  mime === 'application/pdf' ? 'pdf' : mime === 'application/zip' ? 'zip' : mime.startsWith('image/') ? 'image' : 'docx';

const knownLocales = (ls: string[]): Locale[] => ls.filter((l): l is Locale => (locales as readonly string[]).includes(l));

/** How many earlier editions (published, or any for the secretariat) stand behind each publication, down its chain of `supersedes`. */
async function earlierEditionCounts(db: DbOrTx, ids: string[], includeDrafts: boolean) {
  const r = (await db.execute(sql`
    with recursive chain(root, id, depth) as (
      select p.id, p.supersedes_id, 1 from ${publications} p
      where p.id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) and p.supersedes_id is not null
      union all
      select c.root, p.supersedes_id, c.depth + 1 from chain c join ${publications} p on p.id = c.id
      where p.supersedes_id is not null and c.depth < 100
    )
    select c.root as id, count(*)::int as n from chain c join ${publications} e on e.id = c.id
    where ${includeDrafts ? sql`true` : sql`e.status = 'published'`}
    group by c.root`)) as unknown as { rows: Array<{ id: string; n: number }> };
  return new Map(r.rows.map((x) => [x.id, x.n]));
}

async function present(db: DbOrTx, rows: Pub[], includeDrafts = false) {
  if (!rows.length) return [];
  const ids = rows.map((r) => r.id);
  const related = [...new Set(rows.flatMap((r) => [r.supersedesId].filter(Boolean) as string[]))];
  const [authors, fileRows, supersededBy, supersedes, earlier] = await Promise.all([
    db.select().from(publicationAuthors).where(inArray(publicationAuthors.publicationId, ids)).orderBy(asc(publicationAuthors.position)),
    db
      .select({
        publicationId: publicationFiles.publicationId,
        lang: publicationFiles.lang,
        downloads: publicationFiles.downloads,
        name: files.originalName,
        mime: files.mime,
        size: files.size,
      })
      .from(publicationFiles)
      .innerJoin(files, eq(files.id, publicationFiles.fileId))
      .where(inArray(publicationFiles.publicationId, ids))
      .orderBy(asc(publicationFiles.lang)),
    db
      .select({
        id: publications.id,
        title: publications.title,
        edition: publications.edition,
        year: publications.year,
        supersedesId: publications.supersedesId,
      })
      .from(publications)
      .where(and(inArray(publications.supersedesId, ids), eq(publications.status, 'published'))),
    related.length
      ? db
          .select({ id: publications.id, title: publications.title, edition: publications.edition, year: publications.year })
          .from(publications)
          .where(and(inArray(publications.id, related), includeDrafts ? undefined : eq(publications.status, 'published')))
      : Promise.resolve([]),
    earlierEditionCounts(db, ids, includeDrafts),
  ]);
  return rows.map((p) => {
    const f = fileRows.filter((x) => x.publicationId === p.id);
    const later = supersededBy.find((s) => s.supersedesId === p.id);
    const previous = supersedes.find((s) => s.id === p.supersedesId);
    return {
      id: p.id,
      kind: p.kind,
      year: p.year,
      title: p.title,
      abstract: p.abstract,
      tags: p.tags,
      languages: knownLocales(p.languages),
      edition: p.edition,
      coverUrl: p.coverFileId ? `/api/v1/library/${p.id}/cover` : null,
      authors: authors.filter((a) => a.publicationId === p.id).map((a) => ({ kind: a.kind, refId: a.refId, name: a.name })),
      files: f.flatMap((x) =>
        knownLocales([x.lang]).map((lang) => ({
          lang,
          url: `/api/v1/library/${p.id}/files/${lang}`,
          name: x.name,
          format: formatOf(x.mime),
          size: x.size,
          downloads: x.downloads,
        })),
      ),
      downloads: f.reduce((s, x) => s + x.downloads, 0),
      supersedes: previous ? { id: previous.id, title: previous.title, edition: previous.edition, year: previous.year } : null,
      supersededBy: later ? { id: later.id, title: later.title, edition: later.edition, year: later.year } : null,
      earlierEditions: earlier.get(p.id) ?? 0,
      sourceDocumentId: p.sourceDocumentId,
      endorsers: p.endorsers,
      status: p.status,
    };
  });
}

export async function listPublications(db: DbOrTx, q: ListQuery, includeDrafts = false) {
  const where = filters(q, includeDrafts);
  const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(publications).where(where);
  const rows = await db
    .select()
    .from(publications)
    .where(where)
    .orderBy(desc(publications.year), desc(publications.createdAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { items: await present(db, rows, includeDrafts), total: n, page: q.page, pageSize: q.pageSize };
}

/** The newest current editions, for the portal's home page (earlier editions are reached from them). */
export async function latestPublications(db: DbOrTx, n: number) {
  const { items } = await listPublications(db, { page: 1, pageSize: n });
  return items.map((p) => ({
    id: p.id,
    url: pagePath(libraryPages.publication, { id: p.id }),
    year: p.year,
    title: p.title,
    summary: p.abstract,
    earlierEditions: p.earlierEditions,
  }));
}

/** Counts for the filter panel, over what the public list holds (published current editions). */
export async function libraryFacets(db: DbOrTx) {
  const rows = await db
    .select({ kind: publications.kind, year: publications.year, tags: publications.tags })
    .from(publications)
    .where(filters({}, false));
  const count = (m: Record<string, number>, k: string) => {
    m[k] = (m[k] ?? 0) + 1;
  };
  const kinds: Record<string, number> = {};
  const years: Record<string, number> = {};
  const tags: Record<string, number> = {};
  for (const r of rows) {
    count(kinds, r.kind);
    count(years, String(r.year));
    for (const t of r.tags) count(tags, t);
  }
  const groups = (await db.execute(sql`
    select pa.ref_id as id, min(pa.name::text) as name, count(distinct p.id)::int as count
    from publication_authors pa join publications p on p.id = pa.publication_id
    where pa.kind = 'group' and pa.ref_id is not null and p.status = 'published'
      and not exists (select 1 from publications s where s.supersedes_id = p.id and s.status = 'published')
    group by pa.ref_id order by count desc`)) as unknown as { rows: Array<{ id: string; name: string; count: number }> };
  return {
    kinds,
    years,
    tags,
    groups: groups.rows.map((g) => ({ id: g.id, name: JSON.parse(g.name) as LocalizedText as Record<string, string>, count: g.count })),
  };
}

/**
 * Every edition of a publication, newest first, this one included: up through the later editions that supersede it,
 * down through the ones it supersedes. Drafts only for the secretariat; the current edition is the newest published one.
 */
async function editionsOf(db: DbOrTx, p: Pub, includeDrafts: boolean) {
  const link = (r: Pub) => ({ id: r.id, title: r.title, edition: r.edition, year: r.year, status: r.status });
  const later: Array<ReturnType<typeof link>> = [];
  const seen = new Set([p.id]);
  for (let cur = p.id; later.length < 100; ) {
    const [next] = await db
      .select()
      .from(publications)
      .where(and(eq(publications.supersedesId, cur), includeDrafts ? undefined : eq(publications.status, 'published')))
      .orderBy(desc(publications.year), desc(publications.createdAt))
      .limit(1);
    if (!next || seen.has(next.id)) break;
    seen.add(next.id);
    later.unshift(link(next));
    cur = next.id;
  }
  const earlier: Array<ReturnType<typeof link>> = [];
  for (let cur = p.supersedesId; cur && !seen.has(cur) && earlier.length < 100; ) {
    seen.add(cur);
    const [prev] = await db.select().from(publications).where(eq(publications.id, cur));
    if (!prev) break;
    if (includeDrafts || prev.status === 'published') earlier.push(link(prev));
    cur = prev.supersedesId;
  }
  const all = [...later, link(p), ...earlier];
  const current = all.find((e) => e.status === 'published')?.id;
  return all.map(({ status: _, ...e }) => ({ ...e, current: e.id === current }));
}

export async function getPublication(db: DbOrTx, id: string, includeDrafts = false) {
  const [p] = await db.select().from(publications).where(eq(publications.id, id));
  if (!p || (!includeDrafts && p.status !== 'published')) throw notFound();
  const [shown] = await present(db, [p], includeDrafts);
  return { ...shown, editions: await editionsOf(db, p, includeDrafts) };
}

export async function publicationBySourceVersion(db: DbOrTx, versionId: string) {
  const [p] = await db.select({ id: publications.id }).from(publications).where(eq(publications.sourceVersionId, versionId));
  return p?.id ?? null;
}

export async function coverFileId(db: DbOrTx, id: string) {
  const [p] = await db
    .select({ coverFileId: publications.coverFileId, status: publications.status })
    .from(publications)
    .where(eq(publications.id, id));
  return p && p.status === 'published' ? p.coverFileId : null;
}

// What the library's routes ask for: each opens its own transaction and checks what the caller may see.

/** One publication as the caller may see it: drafts only for the secretariat. */
export const publicationFor = (db: DbOrTx, actor: Actor | null, id: string) => getPublication(db, id, isStaff(actor));

export async function addPublication(db: DbOrTx, actor: Actor, input: PublicationInput) {
  const p = await db.transaction((tx) => createPublication(tx, actor, input));
  return getPublication(db, p.id, true);
}

export async function changePublication(db: DbOrTx, actor: Actor, id: string, input: PublicationInput) {
  await db.transaction((tx) => updatePublication(tx, actor, id, input));
  return getPublication(db, id, true);
}

export async function removePublication(db: DbOrTx, actor: Actor, id: string) {
  await db.transaction((tx) => deletePublication(tx, actor, id));
  return { ok: true as const };
}

/** Keeps an uploaded file as the publication's text in one language (PDF, DOCX or ZIP). */
export async function uploadPublicationFile(db: DbOrTx, filesDir: string, actor: Actor, id: string, lang: string, upload: Upload) {
  await getPublication(db, id, true);
  return db.transaction(async (tx) => {
    const f = await storeFile(tx, filesDir, { ...upload, allowed: documentTypes, ownerId: actor.userId });
    await setPublicationFile(tx, actor, id, lang, f.id);
    return { fileId: f.id };
  });
}

export async function uploadCover(db: DbOrTx, filesDir: string, actor: Actor, id: string, upload: Upload) {
  await getPublication(db, id, true);
  return db.transaction(async (tx) => {
    const f = await storeFile(tx, filesDir, { ...upload, allowed: imageTypes, ownerId: actor.userId });
    await setCover(tx, actor, id, f.id);
    return { fileId: f.id };
  });
}

/** The cover of a published publication, if it has an image. */
export async function coverImage(db: DbOrTx, filesDir: string, id: string) {
  const fileId = await coverFileId(db, id);
  const f = fileId ? await readFile(db, filesDir, fileId) : null;
  if (!f || !imageTypes.includes(f.mime)) throw notFound();
  return { mime: f.mime, data: f.data };
}

/**
 * The file of one language. A visitor gets the files of published publications only; the secretariat drafts' too.
 * A GET of a published one counts one download (one UPDATE … SET downloads = downloads + 1, so concurrent downloads all count),
 * in the transaction that reads the file: no file, no count. A HEAD counts nothing.
 */
export async function downloadFile(db: DbOrTx, filesDir: string, actor: Actor | null, id: string, lang: string, opts: { count: boolean }) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ fileId: publicationFiles.fileId, status: publications.status })
      .from(publicationFiles)
      .innerJoin(publications, eq(publications.id, publicationFiles.publicationId))
      .where(and(eq(publicationFiles.publicationId, id), eq(publicationFiles.lang, lang)));
    if (!row || (row.status !== 'published' && !isStaff(actor))) throw notFound();
    if (opts.count && row.status === 'published')
      await tx
        .update(publicationFiles)
        .set({ downloads: sql`${publicationFiles.downloads} + 1` })
        .where(and(eq(publicationFiles.publicationId, id), eq(publicationFiles.lang, lang)));
    const f = await readFile(tx, filesDir, row.fileId);
    if (!f) throw notFound();
    return { mime: f.mime, data: f.data, name: f.originalName };
  });
}
