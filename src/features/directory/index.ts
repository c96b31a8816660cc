import type { Feature } from '../../platform/http/types.js';
import { directoryReferences } from './references.js';
import { seedDirectoryDemo } from './demo.js';
import { directoryRoutes } from './routes.js';
import { people } from './model.js';
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
export { personContact, personOfAccount } from './subjects.js';
export { listCountries, peopleNames } from './service.js';
/** The column other features' tables point their foreign keys at (a person's id). */
export const personKey = () => people.id;
