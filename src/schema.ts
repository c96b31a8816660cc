// Every table, for drizzle-kit and for backup/restore. Add a feature's model.ts here.
export * from './platform/audit/model.js';
export * from './platform/jobs/model.js';
export * from './platform/mail/model.js';
export * from './platform/files/model.js';
export * from './features/accounts/model.js';
export * from './features/directory/model.js';
export * from './platform/search/model.js';
export * from './features/library/model.js';
export * from './features/groups/model.js';
