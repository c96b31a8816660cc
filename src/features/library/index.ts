import type { Feature } from '../../platform/http/types.js';
import { libraryReferences } from './references.js';
import { seedLibraryDemo } from './demo.js';
import { libraryRoutes } from './routes.js';
import { latestPublications, librarySearchDocs } from './service.js';
import { libraryPages } from './contract.js';

export const library: Feature = {
  name: 'library',
  pages: libraryPages,
  references: libraryReferences,
  routes: libraryRoutes,
  seedDemo: seedLibraryDemo,
  searchDocs: (ctx) => librarySearchDocs(ctx.db),
  // Lists show the current edition of a publication; earlier editions stay searchable.
  latest: { publication: (ctx, n) => latestPublications(ctx.db, n) },
};

/** Used by working groups to put a published document into the library (once per version). */
export { createPublication, publicationBySourceVersion } from './service.js';
/** Demo seeds: sample PDFs for the groups' documents in the library. */
export { addSamplePublicationFiles } from './demo.js';
