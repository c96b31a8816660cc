import { Anchor, Badge, Card, Group, Image, Loader, Pagination, Select, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { invalidate, query, readSearch } from '../../../web/api';
import { groupsPages } from '../../groups/contract';
import { libraryApi as api, libraryPages, listQuery, publicationKinds as kinds } from '../contract';
import { ErrorAlert, useCountryName } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { LText, useLocalized } from '../../../web/localized';

type Publication = Reply<typeof api.get>;
type Ref = NonNullable<Publication['supersedes']>;

export function LibraryPage() {
  const { t } = useTranslation(['library', 'shell']);
  const to = useTo();
  const loc = useLocalized();
  const [params, setParams] = useSearchParams();
  const { page = 1, ...filters } = readSearch(listQuery, params);
  const set = (k: string, v: string | null) => {
    const next = new URLSearchParams(params);
    if (v) next.set(k, v);
    else next.delete(k);
    next.delete('page');
    setParams(next);
  };
  const facets = useQuery(query(api.facets));
  const list = useQuery({ ...query(api.list, { query: { ...filters, page, pageSize: 24 } }), placeholderData: keepPreviousData });
  const f = facets.data;
  return (
    <Stack py="md">
      <Title order={1}>{t('library:title')}</Title>
      <Text c="dimmed">{t('library:intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 3, md: 5 }}>
        <Select
          label={t('library:filters.kind')}
          clearable
          value={filters.kind ?? null}
          onChange={(v) => set('kind', v)}
          data={kinds.map((k) => ({ value: k, label: `${t(`library:kind.${k}`)}${f?.kinds[k] ? ` (${f.kinds[k]})` : ''}` }))}
        />
        <Select
          label={t('library:filters.year')}
          clearable
          value={filters.year ? String(filters.year) : null}
          onChange={(v) => set('year', v)}
          data={Object.keys(f?.years ?? {})
            .sort()
            .reverse()}
        />
        <Select
          label={t('library:filters.lang')}
          clearable
          value={filters.lang ?? null}
          onChange={(v) => set('lang', v)}
          data={['zh-Hans', 'en', 'zh-Hant'].map((l) => ({ value: l, label: t(`shell:locales.${l}`) }))}
        />
        <Select
          label={t('library:filters.group')}
          clearable
          value={filters.group ?? null}
          onChange={(v) => set('group', v)}
          data={(f?.groups ?? []).map((g) => ({ value: g.id, label: loc(g.name).text }))}
        />
        <Select
          label={t('library:filters.tag')}
          clearable
          searchable
          value={filters.tag ?? null}
          onChange={(v) => set('tag', v)}
          data={Object.keys(f?.tags ?? {}).sort()}
        />
      </SimpleGrid>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Text size="sm" c="dimmed" aria-live="polite">
        {t('shell:common.total', { count: list.data?.total ?? 0 })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {(list.data?.items ?? []).map((p) => (
          <Card key={p.id} withBorder component={Link} to={to(libraryPages.publication, { id: p.id })} data-testid="publication">
            <Group gap="xs">
              <Badge variant="light">{t(`library:kind.${p.kind}`)}</Badge>
              <Badge variant="outline">{p.year}</Badge>
              {p.edition ? <Badge variant="outline">{t('library:edition', { edition: p.edition })}</Badge> : null}
            </Group>
            <Title order={2} size="h5" mt="xs">
              <LText value={p.title} />
            </Title>
            <Text size="xs" c="dimmed" mt="xs">
              {p.languages.map((l) => t(`shell:locales.${l}`)).join(' · ')} · {t('library:downloads', { count: p.downloads })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
      {list.data && list.data.total > list.data.pageSize ? (
        <Pagination value={page} total={Math.ceil(list.data.total / list.data.pageSize)} onChange={(p) => set('page', String(p))} />
      ) : null}
    </Stack>
  );
}

export function PublicationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation(['library', 'shell']);
  const to = useTo();
  const countryName = useCountryName();
  const qc = useQueryClient();
  const q = useQuery(query(api.get, { params: { id: id! } }));
  if (q.isLoading) return <Loader aria-label={t('shell:common.loading')} />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const p = q.data;
  const link = (r: Ref) => (
    <Anchor component={Link} to={to(libraryPages.publication, { id: r.id })}>
      <LText value={r.title} />
      {r.edition ? ` (${r.edition})` : ''}
    </Anchor>
  );
  return (
    <Stack py="md" gap="md">
      <Group gap="xs">
        <Badge variant="light">{t(`library:kind.${p.kind}`)}</Badge>
        <Badge variant="outline">{p.year}</Badge>
        {p.edition ? <Badge variant="outline">{t('library:edition', { edition: p.edition })}</Badge> : null}
        {p.tags.map((tag) => (
          <Badge key={tag} variant="dot">
            {tag}
          </Badge>
        ))}
      </Group>
      <Title order={1}>
        <LText value={p.title} />
      </Title>
      {p.coverUrl ? <Image src={p.coverUrl} alt="" maw={240} /> : null}
      {p.supersedes ? (
        <Text size="sm">
          {t('library:supersedes', { title: '' })}
          {link(p.supersedes)}
        </Text>
      ) : null}
      {p.supersededBy ? (
        <Text size="sm" c="orange">
          {t('library:supersededBy', { title: '' })}
          {link(p.supersededBy)}
        </Text>
      ) : null}
      {p.authors.length ? (
        <Text>
          {t('library:authors')}:{' '}
          {p.authors.map((a, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
            <span key={i}>
              {i ? ' · ' : ''}
              <LText value={a.name} />
            </span>
          ))}
        </Text>
      ) : null}
      {Object.keys(p.abstract).length ? (
        <section>
          <Title order={2} size="h4">
            {t('library:abstract')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <LText value={p.abstract} />
          </Text>
        </section>
      ) : null}
      <Group>
        {p.files.map((f) => (
          <Anchor
            key={f.lang}
            href={f.url}
            onClick={() => setTimeout(() => invalidate(qc, api.get), 500)}
            data-testid={`download-${f.lang}`}
          >
            {t('library:download', { lang: t(`shell:locales.${f.lang}`) })} · {t('library:downloads', { count: f.downloads })}
          </Anchor>
        ))}
        {p.sourceDocumentId ? (
          <Anchor component={Link} to={to(groupsPages.document, { id: p.sourceDocumentId })}>
            {t('library:readOnline')}
          </Anchor>
        ) : null}
      </Group>
      {p.endorsers.length ? (
        <section data-testid="publication-endorsers">
          <Title order={2} size="h4">
            {t('library:endorsers')} ({p.endorsers.length})
          </Title>
          <Table>
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
        </section>
      ) : null}
    </Stack>
  );
}
