import { z } from 'zod';
import { listAudit } from '../../platform/audit/index.js';
import { listOutbox } from '../../platform/mail/index.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { pageQuery } from '../../platform/http/types.js';

const tags = ['admin'];

export function adminRoutes(app: App, ctx: Ctx) {
  const { db, mailer } = ctx;

  app.get(
    '/api/v1/admin/outbox',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Mail written by the platform, with its delivery status',
        querystring: z.object({
          to: z.string().max(254).optional(),
          status: z.enum(['queued', 'sent', 'held', 'failed']).optional(),
          ...pageQuery,
        }),
      },
    },
    async (req) => {
      const { page, pageSize } = req.query;
      const r = await listOutbox(db, { to: req.query.to, status: req.query.status, limit: pageSize, offset: (page - 1) * pageSize });
      return { ...r, page, pageSize, smtpConfigured: mailer.configured };
    },
  );

  app.get(
    '/api/v1/admin/audit',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'The audit log: who changed what, when, before and after',
        querystring: z.object({
          entity: z.string().max(100).optional(),
          entityId: z.string().max(100).optional(),
          actorId: z.uuid().optional(),
          before: z.coerce.number().int().positive().optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
      },
    },
    async (req) => ({ items: await listAudit(db, req.query) }),
  );
}
