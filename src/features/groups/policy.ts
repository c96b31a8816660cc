import { hasScope, isStaff, type Actor } from '../../platform/auth/access.js';

// The finer rules behind each route's access (declared in contract.ts), checked in the services.

export interface GroupRef {
  id: string;
  liaisonUserId: string | null;
}

/** Chairs and co-chairs hold 'group_chair' for the group; the secretariat may act for any group. */
export const isGroupEditor = (a: Actor | null, g: GroupRef | null) =>
  !!a && (isStaff(a) || (!!g && hasScope(a, 'group_chair', 'group', g.id)));

/** Who sees the workspace (drafts, comments, meetings, discussion): members, chairs, the liaison, the secretariat. */
export const isGroupInsider = (a: Actor | null, g: GroupRef | null) =>
  !!a && (isGroupEditor(a, g) || (!!g && (hasScope(a, 'group_member', 'group', g.id) || a.userId === g.liaisonUserId)));

/** Only the contacts of an organization speak for it. */
export const canActForOrganization = (a: Actor | null, organizationId: string) =>
  hasScope(a, 'org_contact', 'organization', organizationId);

/** Versions in draft or consultation stay inside the group; final ones are open for endorsement, published ones are public. */
export const isPublicStatus = (status: string) => status === 'final' || status === 'published';
