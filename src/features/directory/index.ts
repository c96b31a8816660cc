import type { Feature } from '../../platform/http/types.js';
import { directoryRoutes } from './routes.js';
import { syncCountries } from './service.js';
import { seedDirectoryDemo } from './demo.js';

export const directory: Feature = { name: 'directory', routes: directoryRoutes, init: (ctx) => syncCountries(ctx.db),
  async seedDemo(ctx, refs) {
    const { orgIds, personIds } = await seedDirectoryDemo(ctx);
    refs.organizations = orgIds;
    refs.people = personIds;
  },
};
