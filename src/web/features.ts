import type { WebFeature } from './feature';
import { directoryWeb } from '../features/directory/web';
import { documentsWeb, groupsWeb } from '../features/groups/web';
import { libraryWeb } from '../features/library/web';
import { portalWeb } from '../features/portal/web';

/** Every feature's web part. Add yours here (one line). */
export const webFeatures: WebFeature[] = [directoryWeb, portalWeb, groupsWeb, documentsWeb, libraryWeb];
