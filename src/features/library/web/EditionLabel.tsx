import { useTranslation } from 'react-i18next';
import { LText } from '../../../web/localized';

interface Edition {
  title: Record<string, string>;
  edition: string | null;
  year: number;
}

/** An edition as links name it: its title (left out when it is `sameTitleAs`), edition and year. */
export function EditionLabel({ edition: e, sameTitleAs }: { edition: Edition; sameTitleAs?: Edition['title'] }) {
  const { t } = useTranslation(['library']);
  const showTitle = !e.edition || !sameTitleAs || JSON.stringify(e.title) !== JSON.stringify(sameTitleAs);
  return (
    <>
      {showTitle ? <LText value={e.title} /> : null}
      {showTitle && e.edition ? ' · ' : ''}
      {e.edition ? t('library:edition', { edition: e.edition }) : ''} · {e.year}
    </>
  );
}
