import type { App, Ctx } from '../../platform/http/types.js';
import * as c from './contract.js';
import * as svc from './service.js';

export function searchRoutes(app: App, ctx: Ctx) {
  app.get(
    '/api/v1/search',
    {
      config: { access: 'public' },
      schema: {
        tags: ['search'],
        summary: 'Search everything the caller may see (events, sessions, members, cases, publications, groups, documents)',
        description:
          'Chinese in either script matches both; English words are stemmed; names tolerate small typos. Counts per kind ignore the kind filter.',
        querystring: c.searchQuery,
        response: { 200: c.searchResult },
      },
    },
    async (req) => svc.search(ctx, req.actor, req.query),
  );
}
