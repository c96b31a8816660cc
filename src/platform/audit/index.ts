import { and, desc, eq, inArray, lt, or, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '../db/index.js';
import { auditLog } from './model.js';

export interface AuditActor {
  userId: string;
  email: string;
}

export interface AuditEntry {
  actor: AuditActor | null;
  action: string; // e.g. 'organization.update'
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
  ip?: string;
}

/** Records a write; call it inside the write's transaction so both land or neither. */
export async function audit(db: DbOrTx, e: AuditEntry) {
  await db.insert(auditLog).values({
    actorId: e.actor?.userId ?? null,
    actorEmail: e.actor?.email ?? null,
    action: e.action,
    entity: e.entity,
    entityId: e.entityId == null ? null : String(e.entityId),
    before: (e.before ?? null) as never,
    after: (e.after ?? null) as never,
    ip: e.ip ?? null,
  });
}

export async function listAudit(db: DbOrTx, q: { entity?: string; entityId?: string; actorId?: string; before?: number; limit: number }) {
  const where: SQL[] = [];
  if (q.entity) where.push(eq(auditLog.entity, q.entity));
  if (q.entityId) where.push(eq(auditLog.entityId, q.entityId));
  if (q.actorId) where.push(eq(auditLog.actorId, q.actorId));
  if (q.before) where.push(lt(auditLog.id, q.before));
  return db
    .select()
    .from(auditLog)
    .where(and(...where))
    .orderBy(desc(auditLog.id))
    .limit(q.limit);
}

export { auditLog };

/** One entry of a record's history as its page shows it: what was done, by whom, when, and the reason given. */
export interface TrailEntry {
  id: number;
  at: Date;
  action: string;
  entity: string;
  actorEmail: string | null;
  reason: string | null;
}

/**
 * The history of records, newest first: the audit entries about these records (entity kind and ids), with
 * the reason a person gave for the change when the entry holds one. The caller decides who may read it.
 */
export async function auditTrail(db: DbOrTx, records: Array<{ entity: string; ids: string[] }>, limit = 200): Promise<TrailEntry[]> {
  const wanted = records.filter((r) => r.ids.length);
  if (!wanted.length) return [];
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      action: auditLog.action,
      entity: auditLog.entity,
      actorEmail: auditLog.actorEmail,
      after: auditLog.after,
    })
    .from(auditLog)
    .where(or(...wanted.map((r) => and(eq(auditLog.entity, r.entity), inArray(auditLog.entityId, r.ids)))))
    .orderBy(desc(auditLog.id))
    .limit(limit);
  return rows.map(({ after, ...r }) => {
    const reason = after && typeof after === 'object' && 'reason' in after ? (after as { reason: unknown }).reason : null;
    return { ...r, reason: typeof reason === 'string' && reason.trim() ? reason : null };
  });
}
