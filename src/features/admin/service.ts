import { type Actor, entersStaffArea, hasRole, isStaff } from '../../platform/auth/access.js';
import { listAudit } from '../../platform/audit/index.js';
import type { DbOrTx } from '../../platform/db/index.js';
import { forbidden } from '../../platform/http/errors.js';
import type { Result } from '../../platform/http/contract.js';
import { listOutbox, type Mailer, type MailStatus } from '../../platform/mail/index.js';
import { openCallCount, submissionsToScreen } from '../calls/index.js';
import { currentEdition, delegateCount, pendingRegistrationsByEvent } from '../events/index.js';
import { activeGroupCount, roundsClosingSoon } from '../groups/index.js';
import { applicationsAwaitingDecision, memberFigures } from '../membership/index.js';
import { myReviewsToWrite, reviewBacklog } from '../review/index.js';
import { adminApi } from './contract.js';

type Overview = Result<typeof adminApi.overview>;
type QueueItem = Overview['queue'][number];

export async function outboxPage(db: DbOrTx, mailer: Mailer, q: { to?: string; status?: MailStatus; page: number; pageSize: number }) {
  const r = await listOutbox(db, { to: q.to, status: q.status, limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  return { ...r, page: q.page, pageSize: q.pageSize, smtpConfigured: mailer.configured };
}

const jsonText = (v: unknown) => (v == null ? null : JSON.stringify(v));

export async function auditTrail(db: DbOrTx, q: Parameters<typeof listAudit>[1]) {
  const items = await listAudit(db, q);
  return { items: items.map((a) => ({ ...a, before: jsonText(a.before), after: jsonText(a.after) })) };
}

/** Mail that failed to send, for those who may open the outbox (its route's declared access). */
async function failedMail(db: DbOrTx, actor: Actor) {
  if (!adminApi.outbox.access.some((r) => hasRole(actor, r))) return 0;
  return (await listOutbox(db, { status: 'failed', limit: 1, offset: 0 })).total;
}

/**
 * The staff area's home for one caller: the lines of work waiting in the lists they may act in (each
 * feature's own count, under that list's rule), and the key figures for the secretariat (each feature's one
 * definition). Refused to anyone outside the staff area.
 */
export async function overview(db: DbOrTx, actor: Actor, now = new Date()): Promise<Overview> {
  if (!entersStaffArea(actor)) throw forbidden('The overview is for the staff area: the secretariat, reviewers and event managers.');
  const [applications, registrations, screening, backlog, myReviews, rounds, failed] = await Promise.all([
    applicationsAwaitingDecision(db, actor),
    pendingRegistrationsByEvent(db, actor),
    submissionsToScreen(db, actor),
    reviewBacklog(db, actor),
    myReviewsToWrite(db, actor),
    roundsClosingSoon(db, actor, now),
    failedMail(db, actor),
  ]);
  const queue: QueueItem[] = [
    { kind: 'applications', count: applications ?? 0 },
    ...registrations.map((r) => ({ kind: 'registrations' as const, count: r.count, subject: { id: r.eventId, title: r.name } })),
    ...screening.map((c) => ({ kind: 'screening' as const, count: c.count, subject: { id: c.callId, title: c.title, year: c.year } })),
    ...backlog.map((c) => ({
      kind: 'reviewsUnassigned' as const,
      count: c.unassigned,
      subject: { id: c.callId, title: c.title, year: c.year },
    })),
    ...backlog.map((c) => ({
      kind: 'reviewsOutstanding' as const,
      count: c.outstanding,
      subject: { id: c.callId, title: c.title, year: c.year },
    })),
    { kind: 'myReviews', count: myReviews },
    ...rounds.map((r) => ({
      kind: 'commentRounds' as const,
      count: 1,
      subject: { id: r.documentId, title: r.title },
      closesAt: r.closesAt,
    })),
    { kind: 'failedMail', count: failed },
  ];
  return { queue: queue.filter((i) => i.count > 0), figures: isStaff(actor) ? await keyFigures(db, now) : null };
}

async function keyFigures(db: DbOrTx, now: Date): Promise<NonNullable<Overview['figures']>> {
  const edition = await currentEdition(db, now.toISOString().slice(0, 10));
  const [{ members, countries }, delegates, openCalls, activeGroups] = await Promise.all([
    memberFigures(db),
    edition ? delegateCount(db, edition.id) : 0,
    openCallCount(db, now),
    activeGroupCount(db),
  ]);
  return { members, countries, edition: edition && { id: edition.id, name: edition.name, delegates }, openCalls, activeGroups };
}
