import { Badge, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../../web/api';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { callsApi, callsPages } from '../contract';
import { Deadline } from './Deadline';

/** The published calls, open ones marked. */
export function CallsPage() {
  const { t } = useTranslation(['calls']);
  const to = useTo();
  const { data } = useQuery(query(callsApi.list));
  return (
    <Stack>
      <Title order={1}>{t('calls:nav.calls')}</Title>
      {data && !data.length ? <Text>{t('calls:call.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(data ?? []).map((c) => (
          <Card key={c.id} withBorder component={Link} to={to(callsPages.call, { id: c.id })}>
            <Group justify="space-between">
              <Text fw={600}>
                <LText value={c.title} /> · {c.year}
              </Text>
              <Badge color={c.isOpen ? 'green' : 'gray'}>{c.isOpen ? t('calls:call.open') : t('calls:call.closed')}</Badge>
            </Group>
            <Deadline call={c} c="dimmed" />
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
