import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import type { showcaseApi } from '../contract';

/** A text in the reader's language, marked when it was converted from the other Chinese script. */
type ShownText = Reply<typeof showcaseApi.entry>['title'];

export function Shown({ s }: { s: ShownText }) {
  const { t } = useTranslation(['showcase']);
  return (
    <span
      lang={s.lang ?? undefined}
      data-converted={s.converted ? 'true' : undefined}
      title={s.converted ? t('showcase:converted') : undefined}
    >
      {s.text}
      {s.converted ? (
        <span role="img" aria-label={t('showcase:converted')}>
          {' '}
          ⇄
        </span>
      ) : null}
    </span>
  );
}
