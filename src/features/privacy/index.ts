import { z } from 'zod';
import { requireActor } from '../../platform/auth/access.js';
import type { Feature } from '../../platform/http/types.js';
import { idParams } from '../../platform/http/types.js';
import { erasePerson, exportPersonalData, subjectOfPerson, subjectOfUser } from './service.js';

/** Download-my-data and erasure, across every feature (each contributes through its personalData/erase hooks). */
export const privacy = (all: () => Feature[]): Feature => ({
  name: 'privacy',
  routes(app, ctx) {
    const tags = ['privacy'];
    app.get(
      '/api/v1/me/data',
      { config: { access: 'user' }, schema: { tags, summary: 'Download everything held about me (JSON)' } },
      async (req, reply) => {
        const data = await exportPersonalData(ctx, all(), await subjectOfUser(ctx.db, requireActor(req).userId));
        return reply.header('content-disposition', 'attachment; filename="my-data.json"').send(data);
      },
    );
    app.get(
      '/api/v1/admin/people/:id/data',
      { config: { access: ['secretariat'] }, schema: { tags, summary: "A person's data, for a subject-access request", params: idParams } },
      async (req) => exportPersonalData(ctx, all(), await subjectOfPerson(ctx.db, req.params.id)),
    );
    app.post(
      '/api/v1/admin/people/:id/erase',
      {
        config: { access: ['admin'] },
        schema: {
          tags,
          summary: 'Erase a person: personal fields removed or pseudonymized, aggregate figures kept',
          params: idParams,
          body: z.object({ confirm: z.literal(true) }),
        },
      },
      async (req) => {
        await erasePerson(ctx.db, all(), requireActor(req), await subjectOfPerson(ctx.db, req.params.id));
        return { ok: true as const };
      },
    );
  },
});
