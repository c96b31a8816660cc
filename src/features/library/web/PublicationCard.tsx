import { Badge, Card, Group, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { type libraryApi as api, libraryPages } from '../contract';

type Publication = Reply<typeof api.list>['items'][number];

/** A publication in the library's list (a current edition): what it is, a glimpse of its abstract, its languages and downloads. */
export function PublicationCard({ publication: p }: { publication: Publication }) {
  const { t } = useTranslation(['library']);
  const to = useTo();
  const fmt = useFormat();
  const meta = [
    p.languages.map((l) => t(`library:language.${l}`)).join(' · '),
    p.downloads ? t('library:downloads', { count: p.downloads, n: fmt.number(p.downloads) }) : null,
    p.earlierEditions ? t('library:earlierEditions', { count: p.earlierEditions }) : null,
  ].filter(Boolean);
  return (
    <Card withBorder component={Link} to={to(libraryPages.publication, { id: p.id })} data-testid="publication">
      <Group gap="xs">
        <Badge variant="light">{t(`library:kind.${p.kind}`)}</Badge>
        <Badge variant="outline">{p.year}</Badge>
        {p.edition ? <Badge variant="outline">{t('library:edition', { edition: p.edition })}</Badge> : null}
      </Group>
      <Title order={2} size="h5" mt="xs">
        <LText value={p.title} />
      </Title>
      {Object.keys(p.abstract).length ? (
        <Text size="sm" mt="xs" lineClamp={3}>
          <LText value={p.abstract} />
        </Text>
      ) : null}
      <Text size="xs" c="dimmed" mt="auto" pt="xs">
        {meta.join(' · ')}
      </Text>
    </Card>
  );
}
