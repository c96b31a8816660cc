import { Anchor, Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../../web/api';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { groupsApi, groupsPages } from '../contract';

/** The working groups section of an organization's page: the places its representatives hold, every status. */
export function OrganizationGroups({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(['groups', 'shell']);
  const to = useTo();
  const f = useFormat();
  const q = useQuery(query(groupsApi.organizationGroups, { params: { id: organizationId } }));
  if (!q.data) return null;
  if (!q.data.length)
    return (
      <Text size="sm" c="dimmed">
        {t('groups:orgSection.none')}
      </Text>
    );
  return (
    <Stack gap={8} data-testid="organization-groups">
      {q.data.map((m) => (
        <div key={`${m.groupId}-${m.name}`}>
          <Group gap="xs">
            <Anchor component={Link} to={to(groupsPages.group, { slug: m.slug })} fw={600}>
              <LText value={m.group} />
            </Anchor>
            <Badge variant="light" color={m.status === 'active' ? 'green' : 'gray'}>
              {t(`groups:status.${m.status}`)}
            </Badge>
          </Group>
          <Text size="sm">
            {m.name} · {t(`groups:role.${m.role}`)} · {t('groups:orgSection.since', { date: f.date(m.since) })}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
