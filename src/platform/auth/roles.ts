/** The global roles an account may hold. Browser-safe, so contracts and the web app share the list. */
export const globalRoles = ['admin', 'secretariat', 'reviewer'] as const;
export type GlobalRole = (typeof globalRoles)[number];
