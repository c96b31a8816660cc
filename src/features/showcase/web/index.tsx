import type { WebFeature } from '../../../web/feature';
import { EntryPage } from './EntryPage';
import { showcaseTexts } from './i18n';
import { ShowcasePage } from './ShowcasePage';

export const showcaseWeb: WebFeature = {
  name: 'showcase',
  i18n: showcaseTexts,
  publicRoutes: [
    { path: 'showcase', element: <ShowcasePage /> },
    { path: 'showcase/:id', element: <EntryPage /> },
  ],
  publicNav: [{ to: '/showcase', label: 'showcase:nav' }],
};
