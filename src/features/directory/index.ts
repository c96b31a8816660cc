import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import type { LocalizedText } from '../../platform/i18n/index.js';
import type { Feature } from '../../platform/http/types.js';
import { directoryReferences } from './references.js';
import { seedDirectoryDemo } from './demo.js';
import { countries } from './model.js';
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

/** The names of these countries (ISO 3166-1 alpha-2 codes), by code. */
export async function countryNames(db: DbOrTx, codes: string[]): Promise<Map<string, LocalizedText>> {
  const wanted = [...new Set(codes)];
  if (!wanted.length) return new Map();
  const rows = await db.select({ code: countries.code, name: countries.name }).from(countries).where(inArray(countries.code, wanted));
  return new Map(rows.map((r) => [r.code, r.name]));
}
