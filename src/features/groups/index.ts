import type { Feature } from '../../platform/http/types.js';
import { groupReferences } from './references.js';
import { seedGroupsDemo } from './demo.js';
import { groupsSearchDocs } from './documents.js';
import { eraseGroupsData, groupsPersonalData } from './privacy.js';
import { groupRoutes } from './routes.js';
import { groupsPages } from './contract.js';

export const groups: Feature = {
  name: 'groups',
  pages: groupsPages,
  references: groupReferences,
  routes: groupRoutes,
  seedDemo: seedGroupsDemo,
  personalData: (ctx, s) => groupsPersonalData(ctx.db, s),
  erase: (tx, s) => eraseGroupsData(tx, s),
  searchDocs: (ctx) => groupsSearchDocs(ctx.db),
};

/** For the staff overview: the active groups, and the comment rounds closing soon on documents the caller edits. */
export { activeGroupCount } from './service.js';
export { roundsClosingSoon } from './documents.js';
