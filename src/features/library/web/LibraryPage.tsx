import { Pagination, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { query, readSearch } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { locales } from '../../../web/i18n';
import { useLocalized } from '../../../web/localized';
import { libraryApi as api, listQuery, publicationKinds as kinds } from '../contract';
import { PublicationCard } from './PublicationCard';

/** The library: current editions of every publication, filtered by kind, year, language, working group and tag. */
export function LibraryPage() {
  const { t } = useTranslation(['library', 'shell']);
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
      <SimpleGrid cols={{ base: 2, sm: 3, md: 5 }}>
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
          data={locales.map((l) => ({ value: l, label: t(`library:language.${l}`) }))}
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
      {list.data && !list.data.items.length ? <Text>{t('library:empty')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
        {(list.data?.items ?? []).map((p) => (
          <PublicationCard key={p.id} publication={p} />
        ))}
      </SimpleGrid>
      {list.data && list.data.total > list.data.pageSize ? (
        <Pagination value={page} total={Math.ceil(list.data.total / list.data.pageSize)} onChange={(p) => set('page', String(p))} />
      ) : null}
    </Stack>
  );
}
