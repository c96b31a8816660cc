/** The global roles an account may hold. Browser-safe, so contracts and the web app share the list. */
export const globalRoles = ['admin', 'secretariat', 'reviewer'] as const;
export type GlobalRole = (typeof globalRoles)[number];
/** The roles held over one record: an organization's contact, an event's manager, a group's member or chair. */
export const scopedRoles = ['org_contact', 'event_manager', 'group_member', 'group_chair'] as const;
export type ScopedRoleName = (typeof scopedRoles)[number];
export type RoleName = GlobalRole | ScopedRoleName;
/**
 * Who enters the staff area (/admin): these global roles (admin always), or an event's managers (for their
 * events). The web app's layout and the staff overview's API share the rule.
 */
export const staffAreaRoles = ['secretariat', 'reviewer'] as const satisfies readonly GlobalRole[];
export const staffAreaScopes = ['event_manager'] as const satisfies readonly ScopedRoleName[];
