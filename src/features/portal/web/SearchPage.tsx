import { Anchor, Badge, Button, Group, Loader, Pagination, Select, Stack, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { query, readSearch } from '../../../web/api';
import { setHead } from '../../../web/components/ServerPage';
import { useFormat } from '../../../web/format';
import { prefixOf, useLocale } from '../../../web/i18n';
import { type SearchKind, searchApi, searchQuery } from '../../search/contract';

function Marked({ segments }: { segments: Array<{ text: string; mark?: true }> }) {
  // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one text, always replaced together
  return <>{segments.map((s, i) => (s.mark ? <mark key={i}>{s.text}</mark> : <span key={i}>{s.text}</span>))}</>;
}

/** One search box over everything the viewer may see, with types, year and language filters. */
export function SearchPage() {
  const { t } = useTranslation(['portal', 'shell']);
  const locale = useLocale();
  const [params, setParams] = useSearchParams();
  const filters = readSearch(searchQuery, params);
  const q = filters.q ?? '';
  const kind = filters.kind ?? '';
  const year = filters.year ? String(filters.year) : '';
  const lang = filters.lang ?? '';
  const page = filters.page ?? 1;
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  useEffect(() => setHead(q ? `${q} · ${t('portal:search.title')}` : t('portal:search.title'), t('portal:search.label')), [q, t]);
  const result = useQuery({
    ...query(searchApi.search, { query: { q, kind, year: filters.year, lang: filters.lang, page, pageSize: 20, locale } }),
    enabled: q.trim().length > 0,
    placeholderData: keepPreviousData,
  });
  const update = (next: Record<string, string>) => {
    const p = new URLSearchParams(params);
    for (const [k, v] of Object.entries(next)) v ? p.set(k, v) : p.delete(k);
    if (!('page' in next)) p.delete('page');
    setParams(p);
  };
  const data = result.data;
  const all = data?.kinds.reduce((n, k) => n + k.count, 0) ?? 0;
  const kindLabel = (k: SearchKind) => t(`portal:kinds.${k}`);
  const { number } = useFormat();
  // Past the server's cap, counts are lower bounds: "10,000+".
  const facetCount = (n: number) => (data?.facetsCapped ? t('portal:search.atLeast', { n: number(n) }) : number(n));
  return (
    <Stack py="md" gap="md">
      <Title order={1}>{t('portal:search.title')}</Title>
      <search>
        <form
          onSubmit={(e) => {
            e.preventDefault();
            update({ q: text.trim(), kind: '', year: '', lang: '' });
          }}
        >
          <Group align="flex-end" wrap="nowrap">
            <TextInput
              flex={1}
              label={t('portal:search.label')}
              placeholder={t('portal:search.placeholder')}
              value={text}
              onChange={(e) => setText(e.currentTarget.value)}
              name="q"
              type="search"
              data-testid="search-input"
            />
            <Button type="submit">{t('portal:search.submit')}</Button>
          </Group>
        </form>
      </search>
      {q && data ? (
        <>
          <Text role="status">
            {data.totalCapped ? t('portal:search.countCapped', { n: number(data.total) }) : t('portal:search.count', { count: data.total })}
          </Text>
          {data.kinds.length ? (
            <Group gap="xs" role="group" aria-label={t('portal:search.byType')}>
              {[
                { kind: '', label: `${t('portal:search.all')} (${facetCount(all)})` },
                ...data.kinds.map((k) => ({ kind: k.kind, label: `${kindLabel(k.kind)} (${facetCount(k.count)})` })),
              ].map((k) => (
                <Button
                  key={k.kind || 'all'}
                  size="compact-sm"
                  variant={kind === k.kind ? 'filled' : 'default'}
                  aria-pressed={kind === k.kind}
                  onClick={() => update({ kind: k.kind })}
                >
                  {k.label}
                </Button>
              ))}
            </Group>
          ) : null}
          <Group>
            <Select
              label={t('portal:search.year')}
              data={[
                { value: '', label: t('portal:search.anyYear') },
                ...data.years.map((y) => ({ value: String(y.year), label: `${y.year} (${facetCount(y.count)})` })),
              ]}
              value={year}
              onChange={(v) => update({ year: v ?? '' })}
              allowDeselect={false}
              w={160}
            />
            <Select
              label={t('portal:search.language')}
              data={[
                { value: '', label: t('portal:search.anyLanguage') },
                { value: 'en', label: 'English' },
                { value: 'zh-Hans', label: '简体中文' },
                { value: 'zh-Hant', label: '繁體中文' },
              ]}
              value={lang}
              onChange={(v) => update({ lang: v ?? '' })}
              allowDeselect={false}
              w={180}
            />
          </Group>
          {data.items.length === 0 ? (
            <Text>{t('portal:search.none')}</Text>
          ) : (
            <Stack component="ol" gap="md" p={0} style={{ listStyle: 'none' }} data-testid="search-results">
              {data.items.map((i) => (
                <li key={`${i.kind}:${i.id}`}>
                  <Group gap="xs">
                    <Anchor component={Link} to={`/${prefixOf[locale]}${i.url}`} fw={600} size="lg">
                      <Marked segments={i.title} />
                    </Anchor>
                    <Badge variant="light" color="gray" c="dark">
                      {kindLabel(i.kind)}
                    </Badge>
                    {i.year ? <Text size="sm">{i.year}</Text> : null}
                    {i.converted ? (
                      <Text size="xs" c="dimmed" title={t('portal:search.converted')}>
                        ⇄ <VisuallyHidden>{t('portal:search.converted')}</VisuallyHidden>
                      </Text>
                    ) : null}
                  </Group>
                  {i.snippet.length ? (
                    <Text size="sm">
                      <Marked segments={i.snippet} />
                    </Text>
                  ) : null}
                </li>
              ))}
            </Stack>
          )}
          {data.total > data.pageSize ? (
            <Pagination
              total={Math.ceil(data.total / data.pageSize)}
              value={page}
              onChange={(p) => update({ page: String(p) })}
              getControlProps={(c) => ({
                'aria-label': c === 'next' ? t('shell:common.next') : c === 'previous' ? t('shell:common.previous') : c,
              })}
              aria-label={t('portal:search.pages')}
            />
          ) : null}
        </>
      ) : q && result.isPending ? (
        <Loader aria-label={t('portal:loading')} />
      ) : null}
    </Stack>
  );
}
