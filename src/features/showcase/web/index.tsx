import { Anchor, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api, qs } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import type { WebFeature } from '../../../web/feature';
import { prefixOf, useLocale } from '../../../web/i18n';
import { ServerPage } from '../../../web/components/ServerPage';

const texts = {
  en: {
    nav: 'Showcase',
    title: 'Showcase of selected entries',
    year: 'Year',
    field: 'Field',
    country: 'Country',
    call: 'Call',
    booklet: 'Booklet (PDF)',
    xlsx: 'Spreadsheet (XLSX)',
    converted: 'Converted automatically from the other Chinese script',
    none: 'Nothing published yet.',
    languages: 'Written in',
  },
  'zh-Hans': {
    nav: '成果展示',
    title: '入选成果展示',
    year: '年份',
    field: '领域',
    country: '国家/地区',
    call: '征集',
    booklet: '成果集（PDF）',
    xlsx: '表格（XLSX）',
    converted: '由另一种中文字体自动转换',
    none: '暂无发布内容。',
    languages: '原文语言',
  },
  'zh-Hant': {
    nav: '成果展示',
    title: '入選成果展示',
    year: '年份',
    field: '領域',
    country: '國家/地區',
    call: '徵集',
    booklet: '成果集（PDF）',
    xlsx: '表格（XLSX）',
    converted: '由另一種中文字體自動轉換',
    none: '暫無發佈內容。',
    languages: '原文語言',
  },
};

interface Shown {
  text: string;
  lang: string | null;
  converted: boolean;
}
interface Entry {
  id: string;
  code: string;
  callId: string;
  year: number;
  callTitle: string;
  title: Shown;
  categoryLabel: string | null;
  country: string | null;
  languages: string[];
  fields: Array<{ key: string; type: string; label: string } & Shown>;
}

function T({ s }: { s: Shown }) {
  const { t } = useTranslation(['showcase']);
  return (
    <span
      lang={s.lang ?? undefined}
      data-converted={s.converted ? 'true' : undefined}
      title={s.converted ? t('showcase:converted') : undefined}
    >
      {s.text}
      {s.converted ? <span aria-label={t('showcase:converted')}> ⇄</span> : null}
    </span>
  );
}

function ShowcasePage() {
  const { t } = useTranslation(['showcase']);
  const locale = useLocale();
  const [f, setF] = useState<{ year: string | null; field: string | null; country: string | null; callId: string | null }>({
    year: null,
    field: null,
    country: null,
    callId: null,
  });
  const { data: facets } = useQuery({
    queryKey: ['showcase-facets', locale],
    queryFn: () => api.get<any>(`/api/v1/showcase/facets?locale=${locale}`),
  });
  const { data, error } = useQuery({
    queryKey: ['showcase', locale, f],
    queryFn: () => api.get<Entry[]>(`/api/v1/showcase${qs({ locale, ...f })}`),
  });
  const callId = f.callId ?? data?.[0]?.callId ?? null;
  return (
    <Stack>
      <Title order={1}>{t('showcase:title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Select
          label={t('showcase:call')}
          clearable
          data={(facets?.calls ?? []).map((c: any) => ({ value: c.id, label: `${c.title} · ${c.year}` }))}
          value={f.callId}
          onChange={(v) => setF({ ...f, callId: v })}
        />
        <Select
          label={t('showcase:year')}
          clearable
          data={(facets?.years ?? []).map((y: number) => String(y))}
          value={f.year}
          onChange={(v) => setF({ ...f, year: v })}
        />
        <Select
          label={t('showcase:field')}
          clearable
          data={(facets?.fields ?? []).map((x: any) => ({ value: x.value, label: x.label }))}
          value={f.field}
          onChange={(v) => setF({ ...f, field: v })}
        />
        <Select
          label={t('showcase:country')}
          clearable
          searchable
          data={(facets?.countries ?? []).map((x: any) => ({ value: x.code, label: x.name }))}
          value={f.country}
          onChange={(v) => setF({ ...f, country: v })}
        />
      </SimpleGrid>
      {callId ? (
        <Group>
          <Button component="a" variant="light" href={`/api/v1/showcase/booklet.pdf?callId=${callId}&locale=${locale}`}>
            {t('showcase:booklet')}
          </Button>
          <Button component="a" variant="default" href={`/api/v1/showcase/export.xlsx?callId=${callId}&locale=${locale}`}>
            {t('showcase:xlsx')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={error} />
      {data && !data.length ? <Text>{t('showcase:none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        {(data ?? []).map((e) => (
          <Card key={e.id} withBorder component={Link} to={`/${prefixOf[locale]}/showcase/${e.id}`} data-testid="showcase-entry">
            <Text size="xs" c="dimmed">
              {e.callTitle} · {e.year}
            </Text>
            <Text fw={600}>
              <T s={e.title} />
            </Text>
            <Group gap="xs" mt="xs">
              {e.categoryLabel ? <Badge variant="light">{e.categoryLabel}</Badge> : null}
              {e.country ? <Badge variant="outline">{e.country}</Badge> : null}
            </Group>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function EntryPage() {
  const { id } = useParams();
  const { t } = useTranslation(['showcase']);
  const locale = useLocale();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id ?? '');
  const { data: e, error } = useQuery({
    queryKey: ['showcase-entry', id, locale],
    queryFn: () => api.get<Entry>(`/api/v1/showcase/entries/${id}?locale=${locale}`),
    enabled: uuid,
    retry: false,
  });
  // Not one of our entries: another public item indexed under /showcase (the portal renders it, or says not found).
  if (!uuid || error) return <ServerPage />;
  if (!e) return null;
  return (
    <Stack maw={860}>
      <Anchor component={Link} to={`/${prefixOf[locale]}/showcase`} size="sm">
        ← {t('showcase:title')}
      </Anchor>
      <Text size="sm" c="dimmed">
        {e.callTitle} · {e.year} · {e.code}
      </Text>
      <Title order={1} data-testid="entry-title">
        <T s={e.title} />
      </Title>
      <Group gap="xs">
        {e.categoryLabel ? <Badge variant="light">{e.categoryLabel}</Badge> : null}
        {e.country ? <Badge variant="outline">{e.country}</Badge> : null}
        <Text size="xs" c="dimmed">
          {t('showcase:languages')}: {e.languages.join(', ')}
        </Text>
      </Group>
      {e.fields.map((f) => (
        <div key={f.key}>
          <Title order={2} size="h5">
            {f.label}
          </Title>
          {f.type === 'url' ? (
            <Anchor href={f.text} rel="noopener noreferrer" target="_blank">
              {f.text}
            </Anchor>
          ) : (
            <Text style={{ whiteSpace: 'pre-wrap' }}>
              <T s={f} />
            </Text>
          )}
        </div>
      ))}
    </Stack>
  );
}

export const showcaseWeb: WebFeature = {
  name: 'showcase',
  i18n: texts,
  publicRoutes: [
    { path: 'showcase', element: <ShowcasePage /> },
    { path: 'showcase/:id', element: <EntryPage /> },
  ],
  publicNav: [{ to: '/showcase', label: 'showcase:nav' }],
};
