import { z } from 'zod';
import { staffPage } from '../../platform/http/links.js';
import { endpoint, endpoints, labelled, page, pageQuery } from '../../platform/http/contract.js';
import { localizedText } from '../../platform/i18n/text.js';
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

/**
 * One entry of a record's history on that record's page (a registration, an organization): the action and
 * the record type as codes the admin texts label (auditAction, auditEntity), who did it, when, and the reason
 * they gave. Other features' contracts answer with it; the web app shows it in words (web/components/AuditTrail).
 */
export const trailEntry = z.object({
  id: z.number().int(),
  at: z.date(),
  action: z.string(),
  entity: z.string(),
  actorEmail: z.string().nullable(),
  reason: z.string().nullable(),
});

/**
 * What waits for the signed-in staff member, one line per list they act in (per event, call or document
 * where the list is one's): membership applications to decide, registrations to accredit, entries to
 * screen, reviews without a reviewer or not yet in, the caller's own reviews, comment rounds closing
 * within a week, mail that failed. Each comes from the feature that owns the list, under its rule of who sees it.
 */
export const queueKinds = [
  'applications',
  'registrations',
  'screening',
  'reviewsUnassigned',
  'reviewsOutstanding',
  'myReviews',
  'commentRounds',
  'failedMail',
] as const;
export type QueueKind = (typeof queueKinds)[number];
export const queueItem = z.object({
  kind: labelled(queueKinds, 'admin:overview.kinds'),
  count: z.number().int().positive(),
  /** The event, call or document the line is about; absent where the list is the whole platform's or the caller's own. */
  subject: z.object({ id: z.uuid(), title: localizedText(), year: z.number().int().optional() }).optional(),
  /** When a comment round closes. */
  closesAt: z.date().optional(),
});
/** The organization's key figures for the secretariat, each counted by the feature that owns it (its one definition). */
export const keyFigures = z.object({
  /** Memberships that count (active or in grace), and their countries. */
  members: z.number().int(),
  countries: z.number().int(),
  /** Delegates (accredited registrations) of the edition under way or next; null when no series has a published edition. */
  edition: z.object({ id: z.uuid(), name: localizedText(), delegates: z.number().int() }).nullable(),
  /** Calls open for entries now. */
  openCalls: z.number().int(),
  /** Working groups not closed. */
  activeGroups: z.number().int(),
});
export const overview = z.object({ queue: z.array(queueItem), figures: keyFigures.nullable() });

/** The platform's logs, for administrators: the mail it wrote and the changes it recorded. */
export const adminApi = endpoints('admin', {
  overview: endpoint({
    method: 'GET',
    path: '/api/v1/admin/overview',
    // Event managers hold a scoped role, so access is 'user' and the service refuses anyone outside the staff area.
    access: 'user',
    summary: "The staff area's home: what waits for the caller (per list they may act in) and, for the secretariat, the key figures",
    description:
      "Open to whoever enters the staff area (the secretariat, reviewers, event managers); 403 for anyone else. Each line counts what the caller may see in that list, under the owning feature's rule.",
    response: { 200: overview },
  }),
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
