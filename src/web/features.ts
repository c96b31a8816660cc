import type { WebFeature } from './feature';
import { directoryWeb } from '../features/directory/web';
import { eventsWeb } from '../features/events/web';
import { portalWeb } from '../features/portal/web';

/** Every feature's web part. Add yours here (one line). */
export const webFeatures: WebFeature[] = [directoryWeb, eventsWeb, portalWeb];
