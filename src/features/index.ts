import type { Feature } from '../platform/http/types.js';
import { accounts } from './accounts/index.js';
import { admin } from './admin/index.js';
import { directory } from './directory/index.js';
import { groups } from './groups/index.js';
import { library } from './library/index.js';
import { createPortal } from './portal/index.js';
import { privacy } from './privacy/index.js';
import { search } from './search/index.js';

/** Every feature of the platform, in the order their routes and start-up work run. */
export const features: Feature[] = [accounts, admin, directory, library, groups, privacy(() => features), search, createPortal(() => features)];
