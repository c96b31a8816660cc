import type { WebFeature } from './feature';
import { directoryWeb } from '../features/directory/web';
import { callsWeb } from '../features/calls/web';
import { reviewWeb } from '../features/review/web';
import { showcaseWeb } from '../features/showcase/web';
import { portalWeb } from '../features/portal/web';

/** Every feature's web part. Add yours here (one line). */
export const webFeatures: WebFeature[] = [directoryWeb, callsWeb, reviewWeb, showcaseWeb, portalWeb];
