import { z } from 'zod';
import { staffPage } from '../../platform/http/links.js';
import { endpoint, endpoints, labelled, page, pageQuery } from '../../platform/http/contract.js';
import type { MailStatus } from '../../platform/mail/index.js';

/** Every status the outbox writes (platform/mail); the compiler checks the list against it both ways. */
export const mailStatuses = ['queued', 'sending', 'sent', 'held', 'failed'] as const satisfies readonly MailStatus[];
const mailStatus = labelled(mailStatuses, 'admin:status');

export const outboxQuery = z.object({
  to: z.string().max(254).optional(),
  status: mailStatus.optional(),
  ...pageQuery,
});
export const mail = z.object({
  id: z.uuid(),
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string().nullable(),
  locale: z.string(),
  template: z.string().nullable(),
  status: mailStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  nextAttemptAt: z.date().nullable(),
  createdAt: z.date(),
  sentAt: z.date().nullable(),
});
export const outbox = page(mail).extend({ smtpConfigured: z.boolean() });

export const auditQuery = z.object({
  entity: z.string().max(100).optional(),
  entityId: z.string().max(100).optional(),
  actorId: z.uuid().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export const auditEntry = z.object({
  id: z.number().int(),
  at: z.date(),
  actorId: z.uuid().nullable(),
  actorEmail: z.string().nullable(),
  /** The codes written by the server's audit() calls, labelled by the admin texts' auditAction and auditEntity; strings, as old entries keep the codes of their day. */
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  /** The record before and after the change, as JSON text (its shape is the entity's). */
  before: z.string().nullable(),
  after: z.string().nullable(),
  ip: z.string().nullable(),
});

/** The platform's logs, for administrators: the mail it wrote and the changes it recorded. */
export const adminApi = endpoints('admin', {
  outbox: endpoint({
    method: 'GET',
    path: '/api/v1/admin/outbox',
    access: ['admin'],
    summary: 'Mail written by the platform, with its delivery status',
    query: outboxQuery,
    response: { 200: outbox },
  }),
  audit: endpoint({
    method: 'GET',
    path: '/api/v1/admin/audit',
    access: ['admin'],
    summary: 'The audit log: who changed what, when, before and after',
    query: auditQuery,
    response: { 200: z.object({ items: z.array(auditEntry) }) },
  }),
});

/** The staff area's own pages. */
export const adminPages = {
  home: staffPage('/'),
  outbox: staffPage('/outbox'),
  audit: staffPage('/audit'),
};
