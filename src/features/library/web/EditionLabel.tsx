import { useTranslation } from 'react-i18next';
import { LText } from '../../../web/localized';

/** An edition as links name it: its title, edition and year. */
export function EditionLabel({ edition: e }: { edition: { title: Record<string, string>; edition: string | null; year: number } }) {
  const { t } = useTranslation(['library']);
  return (
    <>
      <LText value={e.title} />
      {e.edition ? ` · ${t('library:edition', { edition: e.edition })}` : ''} · {e.year}
    </>
  );
}
