import type { WebFeature } from './feature';
import { directoryWeb } from '../features/directory/web';

/** Every feature's web part. Add yours here (one line). */
export const webFeatures: WebFeature[] = [directoryWeb];
