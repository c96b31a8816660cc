import { showcasePages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { showcaseTexts } from './i18n';

const EntryPage = lazyNamed(() => import('./EntryPage'), 'EntryPage');
const ShowcasePage = lazyNamed(() => import('./ShowcasePage'), 'ShowcasePage');

export const showcaseWeb: WebFeature = {
  name: 'showcase',
  i18n: showcaseTexts,
  pages: [at(showcasePages.showcase, <ShowcasePage />), at(showcasePages.entry, <EntryPage />)],
  publicNav: [{ page: showcasePages.showcase, label: 'showcase:nav' }],
};
