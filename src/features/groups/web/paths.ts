import { prefixOf, useLocale } from '../../../web/i18n';

/** A public path in the reader's language, e.g. /zh-hans/groups/x. */
export const useLangPath = () => {
  const locale = useLocale();
  return (p: string) => `/${prefixOf[locale]}${p}`;
};
