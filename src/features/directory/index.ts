import type { Feature } from '../../platform/http/types.js';
import { directoryReferences } from './references.js';
import { seedDirectoryDemo } from './demo.js';
import { directoryRoutes } from './routes.js';
import { erasePersonEntry, personPersonalData, syncCountries } from './service.js';

export const directory: Feature = {
  name: 'directory',
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
export { demoOrganizations } from './demo.js';
