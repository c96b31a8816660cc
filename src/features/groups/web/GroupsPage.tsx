import { Badge, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { groupsApi, groupsPages } from '../contract';

/** The working groups, each with its mandate and size. */
export function GroupsPage() {
  const { t } = useTranslation(['groups', 'shell']);
  const to = useTo();
  const q = useQuery(query(groupsApi.list));
  return (
    <Stack py="md">
      <Title order={1}>{t('groups:title')}</Title>
      <Text c="dimmed">{t('groups:intro')}</Text>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {(q.data ?? []).map((g) => (
          <Card
            key={g.id}
            withBorder
            padding="lg"
            component={Link}
            to={to(groupsPages.group, { slug: g.slug })}
            data-testid={`group-${g.slug}`}
          >
            <Title order={2} size="h3">
              <LText value={g.name} />
            </Title>
            <Text size="sm" c="dimmed" mt="xs" lineClamp={4}>
              <LText value={g.mandate} />
            </Text>
            <Badge mt="md" variant="light">
              {t('groups:members', { count: g.memberCount })}
            </Badge>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
