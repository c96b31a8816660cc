import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../../web/api';
import { eventsApi, eventsPages } from '../contract';
import { ErrorAlert } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';

export function EventsPage() {
  const { t } = useTranslation(['events', 'shell']);
  const to = useTo();
  const fmt = useFormat();
  const q = useQuery(query(eventsApi.list));
  const today = new Date().toISOString().slice(0, 10);
  const groups = [
    { title: t('events:list.upcoming'), items: (q.data ?? []).filter((e) => e.endDate >= today).reverse() },
    { title: t('events:list.past'), items: (q.data ?? []).filter((e) => e.endDate < today) },
  ];
  return (
    <Stack>
      <Title order={1}>{t('events:list.title')}</Title>
      <ErrorAlert error={q.error} />
      {q.data?.length === 0 && <Text>{t('events:list.empty')}</Text>}
      {groups.map((g) =>
        g.items.length ? (
          <Stack key={g.title} gap="xs">
            <Title order={2} size="h3">
              {g.title}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {g.items.map((e) => (
                <Card key={e.id} withBorder component={Link} to={to(eventsPages.event, { slug: e.slug })}>
                  <Text fw={600}>
                    <LText value={e.name} />
                  </Text>
                  <Text size="sm" c="gray.7">
                    {fmt.date(`${e.startDate}T12:00:00Z`)} – {fmt.date(`${e.endDate}T12:00:00Z`)} · <LText value={e.city} /> ·{' '}
                    {t(`events:kinds.${e.kind}`)}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        ) : null,
      )}
    </Stack>
  );
}
