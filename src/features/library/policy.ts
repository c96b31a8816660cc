import type { Access } from '../../platform/auth/access.js';

/** The library is public to read; the secretariat keeps it. Groups' editors add their published documents through the groups feature. */
export const libraryAccess: Record<'read' | 'write', Access> = { read: 'public', write: ['secretariat'] };
