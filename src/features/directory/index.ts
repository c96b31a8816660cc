import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import type { Feature } from '../../platform/http/types.js';
import { directoryReferences } from './references.js';
import { seedDirectoryDemo } from './demo.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import { countries, people } from './model.js';
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
