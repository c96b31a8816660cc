import { and, desc, eq, lt, type SQL } from 'drizzle-orm';
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
