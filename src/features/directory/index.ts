import { and, eq, inArray, isNotNull, type SQL, sql } from 'drizzle-orm';
import { notFound } from '../../platform/http/errors.js';
import { type AnyPgColumn, QueryBuilder } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Feature } from '../../platform/http/types.js';
import { directoryReferences } from './references.js';
import { seedDirectoryDemo } from './demo.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { affiliations, countries, organizations, people } from './model.js';
import { directoryRoutes } from './routes.js';
import { erasePersonEntry, personPersonalData, searchTextOf, syncCountries } from './service.js';

export const directory: Feature = {
  name: 'directory',
  pages: directoryPages,
  references: directoryReferences,
  routes: directoryRoutes,
  init: (ctx) => syncCountries(ctx.db),
  personalData: (ctx, s) => personPersonalData(ctx.db, s.personId),
  erase: (tx, s) => erasePersonEntry(tx, s.personId),
  async seedDemo(ctx, refs) {
    const { orgIds, personIds } = await seedDirectoryDemo(ctx);
    refs.organizations = orgIds;
    refs.people = personIds;
  },
};
export { personContact } from './subjects.js';
export { listCountries, peopleNames } from './service.js';
/** The column other features' tables point their foreign keys at (a person's id). */
export const personKey = () => people.id;
/** The column other features' tables point their foreign keys at (an organization's id). */
export const organizationKey = () => organizations.id;

// What other features may join, as subqueries of the columns they may use: `const o = organizationRows()`,
// then `.leftJoin(o, eq(o.id, …))` and `o.name` in the selection (PostgreSQL flattens them: the same plan as the table).

/** Organizations as other features may join them: the public profile and the search text. */
export const organizationRows = () =>
  new QueryBuilder()
    .select({
      id: organizations.id,
      name: organizations.name,
      shortName: organizations.shortName,
      countryCode: organizations.countryCode,
      stakeholderGroup: organizations.stakeholderGroup,
      website: organizations.website,
      logoFileId: organizations.logoFileId,
      description: organizations.description,
      searchText: organizations.searchText,
    })
    .from(organizations)
    .as('organization');

/** People as other features may join them: names, country, account and search text (no address or phone). */
export const personRows = () =>
  new QueryBuilder()
    .select({
      id: people.id,
      name: people.name,
      nameLatin: people.nameLatin,
      countryCode: people.countryCode,
      userId: people.userId,
      searchText: people.searchText,
    })
    .from(people)
    .as('person');

/** Countries as other features may join them: code, name, continent. */
export const countryRows = () =>
  new QueryBuilder().select({ code: countries.code, name: countries.name, continent: countries.continent }).from(countries).as('country');

/** The SQL condition "this account's person is a current affiliate of the organization" (its id an SQL expression, e.g. a column). */
export const isCurrentAffiliate = (organizationId: AnyPgColumn | SQL, userId: string) =>
  sql`exists (select 1 from ${affiliations} a join ${people} p2 on p2.id = a.person_id where a.organization_id = ${organizationId} and p2.user_id = ${userId} and (a.end_date is null or a.end_date >= current_date))`;

/** The directory person linked to an account, if any. */
export async function linkedPerson(db: DbOrTx, userId: string) {
  const [p] = await db
    .select({ id: people.id, name: people.name, countryCode: people.countryCode })
    .from(people)
    .where(eq(people.userId, userId))
    .limit(1);
  return p ?? null;
}

/** The person with this e-mail address (stored lower-case) and their account, if any. */
export async function personByEmail(db: DbOrTx, email: string) {
  const [p] = await db.select({ id: people.id, userId: people.userId }).from(people).where(eq(people.email, email.toLowerCase())).limit(1);
  return p;
}

/** Whether a person is (or was) affiliated with an organization. */
export async function isAffiliated(db: DbOrTx, personId: string, organizationId: string) {
  const [a] = await db
    .select({ id: affiliations.id })
    .from(affiliations)
    .where(and(eq(affiliations.personId, personId), eq(affiliations.organizationId, organizationId)))
    .limit(1);
  return !!a;
}

/** The country and the organizations (every affiliation, past ones too) of these people, by id: e.g. for conflicts of interest. */
export async function peopleTies(db: DbOrTx, ids: string[]) {
  const ties = new Map<string, { countryCode: string | null; organizationIds: Set<string> }>();
  if (!ids.length) return ties;
  const ps = await db.select({ id: people.id, countryCode: people.countryCode }).from(people).where(inArray(people.id, ids));
  const affs = await db
    .select({ personId: affiliations.personId, organizationId: affiliations.organizationId })
    .from(affiliations)
    .where(inArray(affiliations.personId, ids));
  for (const p of ps) ties.set(p.id, { countryCode: p.countryCode, organizationIds: new Set() });
  for (const a of affs) ties.get(a.personId)?.organizationIds.add(a.organizationId);
  return ties;
}

/** Adds a directory person who has an account (a demo seed: e.g. the demo reviewer, so staff can put them on panels). */
export async function addPersonWithAccount(
  db: DbOrTx,
  p: { name: string; nameLatin: string; countryCode: string; gender: 'female' | 'male'; email: string; userId: string | null },
) {
  const [row] = await db
    .insert(people)
    .values({ ...p, searchText: searchTextOf(p.name, p.nameLatin) })
    .returning({ id: people.id });
  return row.id;
}

/** The address and account of directory people (to invite them to a panel). */
export async function peopleContacts(db: DbOrTx, ids: string[]) {
  if (!ids.length) return [];
  return db.select({ id: people.id, email: people.email, userId: people.userId }).from(people).where(inArray(people.id, ids));
}

/**
 * What ties records elsewhere to an organization (for the lists on its page): the accounts of the people
 * affiliated with it, past or present, and every name it goes by (its names in each language and its short
 * name), trimmed and in lower case. Not found when there is no such organization.
 */
export async function organizationTies(db: DbOrTx, id: string) {
  const [o] = await db
    .select({ name: organizations.name, shortName: organizations.shortName })
    .from(organizations)
    .where(eq(organizations.id, id));
  if (!o) throw notFound();
  const accounts = await db
    .selectDistinct({ userId: people.userId })
    .from(affiliations)
    .innerJoin(people, eq(people.id, affiliations.personId))
    .where(and(eq(affiliations.organizationId, id), isNotNull(people.userId)));
  const names = [...Object.values(o.name), o.shortName].filter((n): n is string => !!n?.trim()).map((n) => n.trim().toLowerCase());
  return { userIds: accounts.map((a) => a.userId!), names: [...new Set(names)] };
}

/** The names of these countries (ISO 3166-1 alpha-2 codes), by code. */
export async function countryNames(db: DbOrTx, codes: string[]): Promise<Map<string, LocalizedText>> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return new Map();
  const rows = await db.select({ code: countries.code, name: countries.name }).from(countries).where(inArray(countries.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** For other features: the directory's entries they create, read and link (e.g. a member's organization and contacts). */
export {
  countryCodes,
  createOrganization,
  createPerson,
  deletePersonIfUnreferenced,
  ensureAffiliation,
  getOrganization,
  linkPersonToUser,
  organizationLookup,
  personIdByEmail,
  personOfAccount,
  removeAffiliation,
  matchSearch,
  searchTextOf,
  setOrganizationLogo,
  unlinkPerson,
  updateOrganization,
} from './service.js';
import { directoryPages } from './contract.js';
export { demoOrganizations } from './demo.js';
