import type { Access } from '../../platform/auth/access.js';

/** The directory is kept by the secretariat; features that show parts of it publicly do so through their own presenters. */
export const directoryAccess: Record<'read' | 'write' | 'countries', Access> = {
  read: ['secretariat'],
  write: ['secretariat'],
  countries: 'public',
};
