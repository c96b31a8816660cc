import { and, asc, desc, eq, ilike, inArray, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Actor } from '../../platform/auth/access.js';
import { audit, auditTrail } from '../../platform/audit/index.js';
import type { Db, DbOrTx } from '../../platform/db/index.js';
import { cell, type Column, type ImportError, readSheet, sheetFile, type SheetRow } from '../../platform/exports/index.js';
import { imageTypes, readFile, storeFile } from '../../platform/files/index.js';
import { invalid, notFound } from '../../platform/http/errors.js';
import type { Upload } from '../../platform/http/upload.js';
import { fillChinese, localize, type LocalizedText } from '../../platform/i18n/index.js';
import { normalize } from '../../platform/search/normalize.js';
import countryData from './countries.json' with { type: 'json' };
import { type ExportQuery, organizationInput, personInput, type ListQuery, type OrganizationInput, type PersonInput } from './contract.js';
import { affiliations, countries, organizations, people } from './model.js';

/** Loads the shipped country list; runs at every start, so new data reaches old databases. */
export async function syncCountries(db: DbOrTx) {
  for (let i = 0; i < countryData.length; i += 100) {
    await db
      .insert(countries)
      .values(countryData.slice(i, i + 100))
      .onConflictDoUpdate({
        target: countries.code,
        set: {
          alpha3: sql`excluded.alpha3`,
          m49: sql`excluded.m49`,
          continent: sql`excluded.continent`,
          region: sql`excluded.region`,
          subregion: sql`excluded.subregion`,
          name: sql`excluded.name`,
        },
      });
  }
}

export const listCountries = (db: DbOrTx) => db.select().from(countries).orderBy(countries.code);

/** Every script of every name, folded into one searchable string. */
export const searchTextOf = (...parts: Array<LocalizedText | string | null | undefined>) =>
  normalize(
    parts
      .flatMap((p) => (p == null ? [] : typeof p === 'string' ? [p] : Object.values(fillChinese(p))))
      .filter(Boolean)
      .join(' | '),
  );

/** A query in any script matches names stored in any script. */
export const matchSearch = (column: AnyPgColumn, q: string) => ilike(column, `%${normalize(q).replace(/[\\%_]/g, (m) => `\\${m}`)}%`);

const orgColumns = {
  id: organizations.id,
  name: organizations.name,
  shortName: organizations.shortName,
  countryCode: organizations.countryCode,
  continent: countries.continent,
  stakeholderGroup: organizations.stakeholderGroup,
  website: organizations.website,
  logoFileId: organizations.logoFileId,
  description: organizations.description,
  createdAt: organizations.createdAt,
  updatedAt: organizations.updatedAt,
};

function orgFilters(q: Partial<ListQuery>) {
  const where: SQL[] = [];
  if (q.q) where.push(matchSearch(organizations.searchText, q.q));
  if (q.country) where.push(eq(organizations.countryCode, q.country));
  if (q.continent) where.push(eq(countries.continent, q.continent));
  if (q.stakeholderGroup) where.push(eq(organizations.stakeholderGroup, q.stakeholderGroup));
  return and(...where);
}

const nameKey = sql`coalesce(${organizations.name}->>'en', ${organizations.name}->>'zh-Hans', ${organizations.name}->>'zh-Hant')`;

export async function listOrganizations(db: DbOrTx, q: ListQuery) {
  const dir = q.order === 'desc' ? desc : asc;
  const sortCol = q.sort === 'country' ? organizations.countryCode : q.sort === 'created' ? organizations.createdAt : nameKey;
  const items = await db
    .select(orgColumns)
    .from(organizations)
    .innerJoin(countries, eq(countries.code, organizations.countryCode))
    .where(orgFilters(q))
    .orderBy(dir(sortCol), asc(organizations.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(organizations)
    .innerJoin(countries, eq(countries.code, organizations.countryCode))
    .where(orgFilters(q));
  return { items, total, page: q.page, pageSize: q.pageSize };
}

export async function allOrganizations(db: DbOrTx, q: Partial<ListQuery>) {
  return db
    .select(orgColumns)
    .from(organizations)
    .innerJoin(countries, eq(countries.code, organizations.countryCode))
    .where(orgFilters(q))
    .orderBy(asc(nameKey));
}

export async function getOrganization(db: DbOrTx, id: string) {
  const [row] = await db
    .select(orgColumns)
    .from(organizations)
    .innerJoin(countries, eq(countries.code, organizations.countryCode))
    .where(eq(organizations.id, id));
  if (!row) throw notFound();
  return row;
}

/** An organization's page for the secretariat: the profile, everyone affiliated with it (current first) and its history. */
export async function organizationRecord(db: DbOrTx, id: string) {
  const organization = await getOrganization(db, id);
  const rows = await db
    .select({
      personId: people.id,
      name: people.name,
      nameLatin: people.nameLatin,
      email: people.email,
      countryCode: people.countryCode,
      title: affiliations.title,
      startDate: affiliations.startDate,
      endDate: affiliations.endDate,
      current: sql<boolean>`(${affiliations.endDate} is null or ${affiliations.endDate} >= current_date)`,
    })
    .from(affiliations)
    .innerJoin(people, eq(people.id, affiliations.personId))
    .where(eq(affiliations.organizationId, id))
    .orderBy(sql`(${affiliations.endDate} is null or ${affiliations.endDate} >= current_date) desc`, asc(people.name));
  return { organization, people: rows, history: await auditTrail(db, [{ entity: 'organization', ids: [id] }]) };
}

function orgValues(input: OrganizationInput) {
  return {
    name: input.name,
    shortName: input.shortName ?? null,
    countryCode: input.countryCode,
    stakeholderGroup: input.stakeholderGroup,
    website: input.website ?? null,
    description: input.description ?? {},
    searchText: searchTextOf(input.name, input.shortName),
  };
}

async function assertCountry(db: DbOrTx, code: string | null | undefined, path = 'countryCode') {
  if (!code) return;
  const [c] = await db.select({ code: countries.code }).from(countries).where(eq(countries.code, code));
  if (!c) throw invalid(path, `unknown country code ${code}`);
}

export async function createOrganization(db: Db, actor: Actor | null, input: OrganizationInput) {
  return db.transaction(async (tx) => {
    await assertCountry(tx, input.countryCode);
    const [row] = await tx.insert(organizations).values(orgValues(input)).returning({ id: organizations.id });
    await audit(tx, { actor, action: 'organization.create', entity: 'organization', entityId: row.id, after: input });
    return getOrganization(tx, row.id);
  });
}

export async function updateOrganization(db: Db, actor: Actor, id: string, input: OrganizationInput) {
  return db.transaction(async (tx) => {
    const before = await getOrganization(tx, id);
    await assertCountry(tx, input.countryCode);
    await tx
      .update(organizations)
      .set({ ...orgValues(input), updatedAt: new Date() })
      .where(eq(organizations.id, id));
    const after = await getOrganization(tx, id);
    await audit(tx, { actor, action: 'organization.update', entity: 'organization', entityId: id, before, after });
    return after;
  });
}

export async function setOrganizationLogo(db: Db, actor: Actor, id: string, fileId: string | null) {
  return db.transaction(async (tx) => {
    const before = await getOrganization(tx, id);
    await tx.update(organizations).set({ logoFileId: fileId, updatedAt: new Date() }).where(eq(organizations.id, id));
    await audit(tx, {
      actor,
      action: 'organization.logo',
      entity: 'organization',
      entityId: id,
      before: { logoFileId: before.logoFileId },
      after: { logoFileId: fileId },
    });
  });
}

export async function deleteOrganization(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const before = await getOrganization(tx, id);
    await tx.delete(organizations).where(eq(organizations.id, id));
    await audit(tx, { actor, action: 'organization.delete', entity: 'organization', entityId: id, before });
  });
  return { ok: true as const };
}

export const logoMaxBytes = 5 * 1024 * 1024;

/** Keeps an uploaded image as the organization's logo; the file is read only once the organization is known. */
export async function uploadOrganizationLogo(db: Db, filesDir: string, actor: Actor, id: string, read: () => Promise<Upload>) {
  await getOrganization(db, id);
  const up = await read();
  const file = await storeFile(db, filesDir, { ...up, allowed: imageTypes, maxBytes: logoMaxBytes, ownerId: actor.userId });
  await setOrganizationLogo(db, actor, id, file.id);
  return { fileId: file.id };
}

/** A logo is public, but only a file that is some organization's logo is served here. */
export async function organizationLogo(db: DbOrTx, filesDir: string, fileId: string) {
  const f = await readFile(db, filesDir, fileId);
  if (!f || !imageTypes.includes(f.mime) || !(await isOrganizationLogo(db, fileId))) throw notFound();
  return { mime: f.mime, data: f.data };
}

// People

async function withAffiliations<T extends { id: string }>(db: DbOrTx, rows: T[]) {
  if (rows.length === 0) return rows.map((r) => ({ ...r, affiliations: [] }));
  const affs = await db
    .select({
      id: affiliations.id,
      personId: affiliations.personId,
      organizationId: affiliations.organizationId,
      organizationName: organizations.name,
      title: affiliations.title,
      startDate: affiliations.startDate,
      endDate: affiliations.endDate,
    })
    .from(affiliations)
    .innerJoin(organizations, eq(organizations.id, affiliations.organizationId))
    .where(
      inArray(
        affiliations.personId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(desc(sql`coalesce(${affiliations.startDate}, '1900-01-01')`));
  return rows.map((r) => ({ ...r, affiliations: affs.filter((a) => a.personId === r.id).map(({ personId: _p, ...a }) => a) }));
}

const personColumns = {
  id: people.id,
  name: people.name,
  nameLatin: people.nameLatin,
  countryCode: people.countryCode,
  continent: countries.continent,
  gender: people.gender,
  email: people.email,
  phone: people.phone,
  createdAt: people.createdAt,
  updatedAt: people.updatedAt,
};

function personFilters(q: Partial<ListQuery>) {
  const where: SQL[] = [];
  if (q.q) where.push(matchSearch(people.searchText, q.q));
  if (q.country) where.push(eq(people.countryCode, q.country));
  if (q.continent) where.push(eq(countries.continent, q.continent));
  if (q.stakeholderGroup)
    where.push(
      sql`exists (select 1 from affiliations a join organizations o on o.id = a.organization_id where a.person_id = ${people.id} and o.stakeholder_group = ${q.stakeholderGroup})`,
    );
  return and(...where);
}

export async function listPeople(db: DbOrTx, q: ListQuery) {
  const dir = q.order === 'desc' ? desc : asc;
  const sortCol =
    q.sort === 'country'
      ? people.countryCode
      : q.sort === 'created'
        ? people.createdAt
        : sql`coalesce(${people.nameLatin}, ${people.name})`;
  const rows = await db
    .select(personColumns)
    .from(people)
    .leftJoin(countries, eq(countries.code, people.countryCode))
    .where(personFilters(q))
    .orderBy(dir(sortCol), asc(people.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const [{ total }] = await db
    .select({ total: sql<number>`count(*)::int` })
    .from(people)
    .leftJoin(countries, eq(countries.code, people.countryCode))
    .where(personFilters(q));
  return { items: await withAffiliations(db, rows), total, page: q.page, pageSize: q.pageSize };
}

export async function allPeople(db: DbOrTx, q: Partial<ListQuery>) {
  const rows = await db
    .select(personColumns)
    .from(people)
    .leftJoin(countries, eq(countries.code, people.countryCode))
    .where(personFilters(q))
    .orderBy(asc(people.name));
  return withAffiliations(db, rows);
}

export async function getPerson(db: DbOrTx, id: string) {
  const [row] = await db
    .select(personColumns)
    .from(people)
    .leftJoin(countries, eq(countries.code, people.countryCode))
    .where(eq(people.id, id));
  if (!row) throw notFound();
  return (await withAffiliations(db, [row]))[0];
}

async function writeAffiliations(tx: DbOrTx, personId: string, list: PersonInput['affiliations']) {
  if (!list) return;
  await tx.delete(affiliations).where(eq(affiliations.personId, personId));
  if (list.length)
    await tx.insert(affiliations).values(
      list.map((a) => ({
        personId,
        organizationId: a.organizationId,
        title: a.title ?? {},
        startDate: a.startDate ?? null,
        endDate: a.endDate ?? null,
      })),
    );
}

const personValues = (p: PersonInput) => ({
  name: p.name,
  nameLatin: p.nameLatin ?? null,
  countryCode: p.countryCode ?? null,
  gender: p.gender ?? null,
  email: p.email?.toLowerCase() ?? null,
  phone: p.phone ?? null,
  searchText: searchTextOf(p.name, p.nameLatin),
});

export async function createPerson(db: Db, actor: Actor | null, input: PersonInput) {
  return db.transaction(async (tx) => {
    await assertCountry(tx, input.countryCode);
    const [row] = await tx.insert(people).values(personValues(input)).returning({ id: people.id });
    await writeAffiliations(tx, row.id, input.affiliations);
    await audit(tx, { actor, action: 'person.create', entity: 'person', entityId: row.id, after: input });
    return getPerson(tx, row.id);
  });
}

export async function updatePerson(db: Db, actor: Actor, id: string, input: PersonInput) {
  return db.transaction(async (tx) => {
    const before = await getPerson(tx, id);
    await assertCountry(tx, input.countryCode);
    await tx
      .update(people)
      .set({ ...personValues(input), updatedAt: new Date() })
      .where(eq(people.id, id));
    await writeAffiliations(tx, id, input.affiliations);
    const after = await getPerson(tx, id);
    await audit(tx, { actor, action: 'person.update', entity: 'person', entityId: id, before, after });
    return after;
  });
}

export async function deletePerson(db: Db, actor: Actor, id: string) {
  await db.transaction(async (tx) => {
    const before = await getPerson(tx, id);
    await tx.delete(people).where(eq(people.id, id));
    await audit(tx, { actor, action: 'person.delete', entity: 'person', entityId: id, before });
  });
  return { ok: true as const };
}

// Export

export async function exportOrganizations(db: DbOrTx, q: ExportQuery) {
  const rows = await allOrganizations(db, q);
  const cols: Column<(typeof rows)[number]>[] = [
    { header: 'id', value: (r) => r.id, width: 38 },
    { header: 'name_en', value: (r) => r.name.en, width: 40 },
    { header: 'name_zh_hans', value: (r) => r.name['zh-Hans'], width: 30 },
    { header: 'name_zh_hant', value: (r) => localize(r.name, 'zh-Hant').text, width: 30 },
    { header: 'short_name', value: (r) => r.shortName },
    { header: 'country', value: (r) => r.countryCode },
    { header: 'continent', value: (r) => r.continent },
    { header: 'stakeholder_group', value: (r) => r.stakeholderGroup, width: 24 },
    { header: 'website', value: (r) => r.website, width: 30 },
  ];
  return sheetFile('organizations', q.format, cols, rows);
}

export async function exportPeople(db: DbOrTx, q: ExportQuery) {
  const rows = await allPeople(db, q);
  const first = (r: (typeof rows)[number]) => r.affiliations[0];
  const cols: Column<(typeof rows)[number]>[] = [
    { header: 'id', value: (r) => r.id, width: 38 },
    { header: 'name', value: (r) => r.name, width: 24 },
    { header: 'name_latin', value: (r) => r.nameLatin, width: 24 },
    { header: 'country', value: (r) => r.countryCode },
    { header: 'gender', value: (r) => r.gender },
    { header: 'email', value: (r) => r.email, width: 30 },
    { header: 'phone', value: (r) => r.phone, width: 18 },
    { header: 'organization', value: (r) => (first(r) ? localize(first(r).organizationName, 'en').text : ''), width: 36 },
    { header: 'title', value: (r) => (first(r) ? localize(first(r).title, 'en').text : ''), width: 24 },
  ];
  return sheetFile('people', q.format, cols, rows);
}

// Import

/** Columns: name_en, name_zh_hans, name_zh_hant, short_name, country, stakeholder_group, website. */
function organizationFromRow(r: SheetRow) {
  return {
    name: { en: cell(r, 'name_en', 'name'), 'zh-Hans': cell(r, 'name_zh_hans'), 'zh-Hant': cell(r, 'name_zh_hant') },
    shortName: cell(r, 'short_name') ?? null,
    countryCode: cell(r, 'country', 'country_code') ?? '',
    stakeholderGroup: cell(r, 'stakeholder_group') ?? '',
    website: cell(r, 'website') ?? null,
  };
}

/** Columns: name, name_latin, country, gender, email, phone, organization (name or id), title. */
function personFromRow(r: SheetRow) {
  return {
    name: cell(r, 'name') ?? '',
    nameLatin: cell(r, 'name_latin') ?? null,
    countryCode: cell(r, 'country', 'country_code') ?? null,
    gender: cell(r, 'gender') ?? null,
    email: cell(r, 'email') ?? null,
    phone: cell(r, 'phone') ?? null,
  };
}

const fieldToColumn: Record<string, string> = {
  countryCode: 'country',
  stakeholderGroup: 'stakeholder_group',
  shortName: 'short_name',
  nameLatin: 'name_latin',
  'name.en': 'name_en',
  'name.zh-Hans': 'name_zh_hans',
  'name.zh-Hant': 'name_zh_hant',
  name: 'name',
};

/**
 * Validates every row first and reports every bad one by line and column.
 * Writes only when the whole file is clean and dryRun is false: all rows or none.
 */
export async function importDirectory(
  db: Db,
  actor: Actor,
  kind: 'organizations' | 'people',
  data: Buffer,
  filename: string,
  dryRun: boolean,
) {
  const rows = await readSheet(data, filename);
  const errors: ImportError[] = [];
  const known = new Set((await db.select({ code: countries.code }).from(countries)).map((c) => c.code));
  const orgIndex = kind === 'people' ? await organizationLookup(db) : new Map<string, string>();
  const good: Array<{ line: number; org?: OrganizationInput; person?: PersonInput }> = [];
  for (const r of rows) {
    const raw = kind === 'organizations' ? organizationFromRow(r) : personFromRow(r);
    const parsed = (kind === 'organizations' ? organizationInput : personInput).safeParse(raw);
    const before = errors.length;
    if (!parsed.success) {
      for (const i of parsed.error.issues) {
        const path = i.path.join('.');
        errors.push({ line: r.line, field: fieldToColumn[path] ?? (path || 'name'), message: i.message });
      }
    } else {
      const code = (parsed.data as { countryCode?: string | null }).countryCode;
      if (code && !known.has(code)) errors.push({ line: r.line, field: 'country', message: `unknown country code ${code}` });
    }
    let orgId: string | undefined;
    if (kind === 'people') {
      const orgRef = cell(r, 'organization');
      if (orgRef) {
        orgId = orgIndex.get(normalize(orgRef));
        if (!orgId) errors.push({ line: r.line, field: 'organization', message: `no organization named ${orgRef}` });
      }
    }
    if (errors.length === before && parsed.success) {
      if (kind === 'organizations') good.push({ line: r.line, org: parsed.data as OrganizationInput });
      else {
        const title = cell(r, 'title');
        good.push({
          line: r.line,
          person: {
            ...(parsed.data as PersonInput),
            affiliations: orgId ? [{ organizationId: orgId, title: title ? { en: title } : {} }] : [],
          },
        });
      }
    }
  }
  let written = 0;
  if (!dryRun && errors.length === 0 && good.length > 0) {
    await db.transaction(async (tx) => {
      for (const g of good) {
        if (g.org) {
          const [row] = await tx.insert(organizations).values(orgValues(g.org)).returning({ id: organizations.id });
          await audit(tx, { actor, action: 'organization.import', entity: 'organization', entityId: row.id, after: g.org });
        } else if (g.person) {
          const [row] = await tx.insert(people).values(personValues(g.person)).returning({ id: people.id });
          await writeAffiliations(tx, row.id, g.person.affiliations);
          await audit(tx, { actor, action: 'person.import', entity: 'person', entityId: row.id, after: g.person });
        }
        written++;
      }
    });
  }
  return { dryRun, rows: rows.length, written, errors };
}

/** Every organization by its id and by each of its names (any script, normalized), for matching a name typed in a file. */
export async function organizationLookup(db: DbOrTx) {
  const all = await db.select({ id: organizations.id, name: organizations.name, shortName: organizations.shortName }).from(organizations);
  const map = new Map<string, string>();
  for (const o of all) {
    map.set(o.id, o.id);
    for (const n of [...Object.values(fillChinese(o.name)), o.shortName]) if (n) map.set(normalize(n), o.id);
  }
  return map;
}

/** The ISO codes of the countries the directory knows. */
export async function countryCodes(db: DbOrTx) {
  return new Set((await db.select({ code: countries.code }).from(countries)).map((c) => c.code));
}

/** The person with this e-mail address (stored lower-case), if any. */
export async function personIdByEmail(db: DbOrTx, email: string) {
  const [p] = await db.select({ id: people.id }).from(people).where(eq(people.email, email.toLowerCase())).limit(1);
  return p?.id;
}

/** The directory person of an account: the one linked to it, else the one with its address. */
export async function personOfAccount(db: DbOrTx, userId: string, email: string) {
  const cols = { id: people.id, userId: people.userId };
  const [linked] = await db.select(cols).from(people).where(eq(people.userId, userId)).limit(1);
  if (linked) return linked;
  const [byEmail] = await db.select(cols).from(people).where(eq(people.email, email.toLowerCase())).limit(1);
  return byEmail;
}

/** Affiliates a person with an organization unless already affiliated; returns the new affiliation's id, if one was made. */
export async function ensureAffiliation(db: DbOrTx, personId: string, organizationId: string, title: LocalizedText) {
  const [held] = await db
    .select({ id: affiliations.id })
    .from(affiliations)
    .where(and(eq(affiliations.personId, personId), eq(affiliations.organizationId, organizationId)));
  if (held) return undefined;
  const [made] = await db.insert(affiliations).values({ personId, organizationId, title }).returning({ id: affiliations.id });
  return made.id;
}

export async function removeAffiliation(db: DbOrTx, id: string) {
  await db.delete(affiliations).where(eq(affiliations.id, id));
}

/** Unlinks a directory person from this account, if it is still linked to it (the person stays). */
export async function unlinkPerson(db: DbOrTx, personId: string, userId: string) {
  await db
    .update(people)
    .set({ userId: null })
    .where(and(eq(people.id, personId), eq(people.userId, userId)));
}

/** Links a directory person to the account that is theirs. */
export async function linkPersonToUser(db: DbOrTx, personId: string, userId: string) {
  await db.update(people).set({ userId, updatedAt: new Date() }).where(eq(people.id, personId));
}

export async function isOrganizationLogo(db: DbOrTx, fileId: string) {
  const [row] = await db.select({ id: organizations.id }).from(organizations).where(eq(organizations.logoFileId, fileId)).limit(1);
  return !!row;
}

// Privacy

export async function personPersonalData(db: DbOrTx, personId: string | null) {
  return personId ? getPerson(db, personId) : null;
}

/** Keeps country, gender and affiliations (they feed aggregate figures); removes what identifies the person. */
export async function erasePersonEntry(db: DbOrTx, personId: string | null) {
  if (!personId) return;
  await db
    .update(people)
    .set({ name: 'Erased person', nameLatin: null, email: null, phone: null, userId: null, searchText: '', updatedAt: new Date() })
    .where(eq(people.id, personId));
}

const rowsOf = async <T>(db: DbOrTx, q: SQL) => ((await db.execute(q)) as unknown as { rows: T[] }).rows;

/**
 * Deletes a person nothing refers to any more (no row of any table with a
 * foreign key to people), e.g. one created only to make someone a member
 * contact. Returns whether it was deleted. The references are read from the
 * catalog, so a feature adding one is covered without a change here.
 */
/** Names of these people of the directory, by id (an unknown id is missing from the map). */
export async function peopleNames(db: DbOrTx, ids: string[]) {
  const rows = ids.length
    ? await db
        .select({ id: people.id, name: people.name, nameLatin: people.nameLatin })
        .from(people)
        .where(inArray(people.id, [...new Set(ids)]))
    : [];
  return new Map(rows.map((r) => [r.id, { name: r.name, nameLatin: r.nameLatin }]));
}

export async function deletePersonIfUnreferenced(db: DbOrTx, id: string) {
  const refs = await rowsOf<{ tbl: string; col: string }>(
    db,
    sql`select c.conrelid::regclass::text as tbl, a.attname as col from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1] where c.contype = 'f' and c.confrelid = 'people'::regclass`,
  );
  for (const r of refs) {
    const [hit] = await rowsOf(db, sql`select 1 from ${sql.identifier(r.tbl)} where ${sql.identifier(r.col)} = ${id} limit 1`);
    if (hit) return false;
  }
  const gone = await db.delete(people).where(eq(people.id, id)).returning({ id: people.id });
  return gone.length > 0;
}
