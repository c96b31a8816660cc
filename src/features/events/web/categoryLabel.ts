import { useTranslation } from 'react-i18next';
import { useLocalized } from '../../../web/localized';
import type { EventT } from './types';

/**
 * A registration category's name in the viewer's language, as the register page shows it:
 * the event's own name for it, else the platform's label for a standard category.
 */
export function useCategoryLabel(categories: EventT['categories']) {
  const { t } = useTranslation('events');
  const localized = useLocalized();
  return (key: string) =>
    localized(categories.find((c) => c.key === key)?.name).text || t(`events:categories.${key}`, { defaultValue: key });
}
