import type { Reply } from '../../../platform/http/contract';
import type { groupsApi } from '../contract';

/** A document at one version, as the document page shows it. */
export type DocView = Reply<typeof groupsApi.document>;
export type DocComment = Reply<typeof groupsApi.comments>[number];

/** The order of language columns and tabs. */
export const langOrder = ['zh-Hans', 'en', 'zh-Hant'];
