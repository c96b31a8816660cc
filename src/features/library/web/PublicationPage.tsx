import { Alert, Anchor, Badge, Grid, Group, Image, Loader, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { query } from '../../../web/api';
import { ErrorAlert, useCountryName } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { groupsPages } from '../../groups/contract';
import { libraryApi as api, libraryPages } from '../contract';
import { EditionLabel } from './EditionLabel';
import { PublicationDownloads } from './PublicationDownloads';
import { PublicationEditions } from './PublicationEditions';

/** One publication: what it is, its abstract, its files to download per language, its endorsers and its editions. */
export function PublicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['library', 'shell']);
  const to = useTo();
  const countryName = useCountryName();
  const q = useQuery(query(api.get, { params: { id } }));
  if (q.isLoading) return <Loader aria-label={t('shell:common.loading')} />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const current = p.editions.find((e) => e.current);
  const earlier = current && current.id !== p.id;
  return (
    <Stack py="md" gap="lg">
      <Stack gap="xs">
        <Group gap="xs">
          <Badge variant="light">{t(`library:kind.${p.kind}`)}</Badge>
          <Badge variant="outline">{p.year}</Badge>
          {p.edition ? <Badge variant="outline">{t('library:edition', { edition: p.edition })}</Badge> : null}
          {p.editions.length > 1 && !earlier ? <Badge color="teal.9">{t('library:currentEdition')}</Badge> : null}
          {earlier ? <Badge color="gray.7">{t('library:earlierEdition')}</Badge> : null}
          {p.tags.map((tag) => (
            <Badge
              key={tag}
              variant="dot"
              component={Link}
              to={`${to(libraryPages.library)}?tag=${encodeURIComponent(tag)}`}
              style={{ cursor: 'pointer', textTransform: 'none' }}
            >
              {tag}
            </Badge>
          ))}
        </Group>
        <Title order={1}>
          <LText value={p.title} />
        </Title>
        {p.authors.length ? (
          <Text c="dimmed">
            {t('library:authorsLabel')}
            {p.authors.map((a, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
              <span key={i}>
                {i ? ' · ' : ''}
                <LText value={a.name} />
              </span>
            ))}
          </Text>
        ) : null}
      </Stack>
      {earlier ? (
        <Alert
          color="orange"
          variant="light"
          title={t('library:earlierEdition')}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          data-testid="superseded"
        >
          {t('library:seeCurrent')}{' '}
          <Anchor component={Link} to={to(libraryPages.publication, { id: current.id })}>
            <EditionLabel edition={current} sameTitleAs={p.title} />
          </Anchor>
        </Alert>
      ) : null}
      <Grid gutter="xl">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="md">
            {p.coverUrl ? <Image src={p.coverUrl} alt="" maw={240} radius="sm" /> : null}
            <section aria-labelledby="publication-abstract">
              <Title order={2} size="h4" id="publication-abstract" mb="xs">
                {t('library:abstract')}
              </Title>
              <Text style={{ whiteSpace: 'pre-wrap' }} maw="70ch" data-testid="publication-abstract">
                <LText value={p.abstract} fallback={t('library:noAbstract')} />
              </Text>
            </section>
            {p.sourceDocumentId ? (
              <Anchor component={Link} to={to(groupsPages.document, { id: p.sourceDocumentId })}>
                {t('library:readOnline')}
              </Anchor>
            ) : null}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <PublicationDownloads publication={p} />
        </Grid.Col>
      </Grid>
      {p.endorsers.length ? (
        <section data-testid="publication-endorsers" aria-labelledby="publication-endorsers">
          <Title order={2} size="h4" id="publication-endorsers" mb="xs">
            {t('library:endorsers')} ({p.endorsers.length})
          </Title>
          <Table.ScrollContainer minWidth={480}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('library:endorserName')}</Table.Th>
                  <Table.Th>{t('library:endorserCountry')}</Table.Th>
                  <Table.Th>{t('library:endorserGroup')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.endorsers.map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
                  <Table.Tr key={i}>
                    <Table.Td>
                      <LText value={e.name} />
                    </Table.Td>
                    <Table.Td>{e.countryCode ? countryName(e.countryCode) : '—'}</Table.Td>
                    <Table.Td>{t(`shell:stakeholders.${e.stakeholderGroup}`)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </section>
      ) : null}
      <PublicationEditions publication={p} />
    </Stack>
  );
}
