import { showcasePages } from '../contract';
import { at, type WebFeature } from '../../../web/feature';
import { EntryPage } from './EntryPage';
import { showcaseTexts } from './i18n';
import { ShowcasePage } from './ShowcasePage';

export const showcaseWeb: WebFeature = {
  name: 'showcase',
  i18n: showcaseTexts,
  pages: [at(showcasePages.showcase, <ShowcasePage />), at(showcasePages.entry, <EntryPage />)],
  publicNav: [{ page: showcasePages.showcase, label: 'showcase:nav' }],
};
