import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { DbOrTx } from '../../platform/db/index.js';
import type { DataSubject } from '../../platform/http/types.js';
import { revokeRolesInScopes } from '../accounts/index.js';
import { documentComments, endorsements, groupMembers, groupPosts, groupThreads, workingGroups } from './model.js';

/** What the groups feature holds about a person: memberships, comments, discussion posts, endorsements made. */
export async function groupsPersonalData(db: DbOrTx, s: DataSubject) {
  if (!s.userId) return null;
  const memberships = await db
    .select({
      group: workingGroups.slug,
      role: groupMembers.role,
      status: groupMembers.status,
      organizationId: groupMembers.organizationId,
      message: groupMembers.message,
      createdAt: groupMembers.createdAt,
    })
    .from(groupMembers)
    .innerJoin(workingGroups, eq(workingGroups.id, groupMembers.groupId))
    .where(eq(groupMembers.userId, s.userId));
  const comments = await db
    .select({
      documentVersionId: documentComments.versionId,
      paragraphKey: documentComments.paragraphKey,
      body: documentComments.body,
      status: documentComments.status,
      response: documentComments.response,
      createdAt: documentComments.createdAt,
    })
    .from(documentComments)
    .where(eq(documentComments.authorId, s.userId));
  const posts = await db
    .select({ threadId: groupPosts.threadId, body: groupPosts.body, createdAt: groupPosts.createdAt })
    .from(groupPosts)
    .where(eq(groupPosts.authorId, s.userId));
  const endorsed = await db
    .select({
      documentId: endorsements.documentId,
      kind: endorsements.kind,
      organizationId: endorsements.organizationId,
      displayName: endorsements.displayName,
      countryCode: endorsements.countryCode,
      status: endorsements.status,
      createdAt: endorsements.createdAt,
    })
    .from(endorsements)
    .where(eq(endorsements.userId, s.userId));
  return { memberships, comments, posts, endorsements: endorsed };
}

const removed = '[removed at the author’s request]';

/**
 * Erasure: the account's name is pseudonymized by the accounts feature; here the
 * texts the person wrote are replaced, their memberships end, and an individual
 * endorsement loses its name (the count by country and stakeholder group stays).
 * Endorsements made for an organization are the organization's, and stay.
 */
export async function eraseGroupsData(db: DbOrTx, s: DataSubject) {
  if (!s.userId) return;
  await db.update(groupMembers).set({ message: null, status: 'left' }).where(eq(groupMembers.userId, s.userId));
  await revokeRolesInScopes(db, s.userId, 'group');
  await db.update(documentComments).set({ body: removed }).where(eq(documentComments.authorId, s.userId));
  await db.update(groupPosts).set({ body: removed }).where(eq(groupPosts.authorId, s.userId));
  const threads = await db.select({ id: groupThreads.id }).from(groupThreads).where(eq(groupThreads.createdBy, s.userId));
  if (threads.length)
    await db
      .update(groupThreads)
      .set({ title: removed })
      .where(
        inArray(
          groupThreads.id,
          threads.map((t) => t.id),
        ),
      );
  await db
    .update(endorsements)
    .set({ displayName: 'Erased person' })
    .where(and(eq(endorsements.userId, s.userId), isNull(endorsements.organizationId)));
}
