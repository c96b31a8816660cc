import { Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { urlOf } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { useLocale } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { showcaseApi, showcasePages } from '../contract';
import { Shown } from './Shown';

/** The published entries, filtered by call, year, field and country, with the call's booklet and spreadsheet. */
export function ShowcasePage() {
  const { t } = useTranslation(['showcase']);
  const locale = useLocale();
  const to = useTo();
  const [f, setF] = useState<{ year: string | null; field: string | null; country: string | null; callId: string | null }>({
    year: null,
    field: null,
    country: null,
    callId: null,
  });
  const { data: facets } = useQuery(query(showcaseApi.facets, { query: { locale } }));
  const year = facets?.years.find((y) => String(y) === f.year);
  const { data, error } = useQuery(
    query(showcaseApi.list, {
      query: { locale, year, field: f.field ?? undefined, country: f.country ?? undefined, callId: f.callId ?? undefined },
    }),
  );
  const callId = f.callId ?? data?.[0]?.callId ?? null;
  return (
    <Stack>
      <Title order={1}>{t('showcase:title')}</Title>
      <SimpleGrid cols={{ base: 1, sm: 4 }}>
        <Select
          label={t('showcase:call')}
          clearable
          data={(facets?.calls ?? []).map((c) => ({ value: c.id, label: `${c.title} · ${c.year}` }))}
          value={f.callId}
          onChange={(v) => setF({ ...f, callId: v })}
        />
        <Select
          label={t('showcase:year')}
          clearable
          data={(facets?.years ?? []).map((y) => String(y))}
          value={f.year}
          onChange={(v) => setF({ ...f, year: v })}
        />
        <Select
          label={t('showcase:field')}
          clearable
          data={(facets?.fields ?? []).map((x) => ({ value: x.value, label: x.label }))}
          value={f.field}
          onChange={(v) => setF({ ...f, field: v })}
        />
        <Select
          label={t('showcase:country')}
          clearable
          searchable
          data={(facets?.countries ?? []).map((x) => ({ value: x.code, label: x.name }))}
          value={f.country}
          onChange={(v) => setF({ ...f, country: v })}
        />
      </SimpleGrid>
      {callId ? (
        <Group>
          <Button component="a" variant="light" href={urlOf(showcaseApi.booklet, { query: { callId, locale } })}>
            {t('showcase:booklet')}
          </Button>
          <Button component="a" variant="default" href={urlOf(showcaseApi.spreadsheet, { query: { callId, locale } })}>
            {t('showcase:xlsx')}
          </Button>
        </Group>
      ) : null}
      <ErrorAlert error={error} />
      {data && !data.length ? <Text>{t('showcase:none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2, lg: 3 }}>
        {(data ?? []).map((e) => (
          <Card key={e.id} withBorder component={Link} to={to(showcasePages.entry, { id: e.id })} data-testid="showcase-entry">
            <Text size="xs" c="dimmed">
              {e.callTitle} · {e.year}
            </Text>
            <Text fw={600}>
              <Shown s={e.title} />
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
