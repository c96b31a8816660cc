import { Anchor, Badge, Box, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText, useLocalized } from '../../../web/localized';
import { eventsApi, eventsPages } from '../contract';

type Row = Reply<typeof eventsApi.organizationRegistrations>[number];
const statusColor: Record<string, string> = { pending: 'yellow', approved: 'green', rejected: 'red', cancelled: 'gray' };

/** The event registrations section of an organization's page: its people's registrations, each linked to its page. */
export function OrganizationRegistrations({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(['events', 'shell']);
  const to = useTo();
  const f = useFormat();
  const loc = useLocalized();
  const q = useQuery(query(eventsApi.organizationRegistrations, { params: { id: organizationId } }));
  if (!q.data) return null;
  if (!q.data.length)
    return (
      <Text size="sm" c="dimmed">
        {t('events:orgSection.none')}
      </Text>
    );
  const category = (r: Row) => loc(r.categoryName).text || t(`events:categories.${r.category}`, { defaultValue: r.category });
  const person = (r: Row) => (
    <Anchor component={Link} to={to(eventsPages.registrant, { id: r.eventId, registrationId: r.id })}>
      {r.name}
    </Anchor>
  );
  const status = (r: Row) => (
    <Badge variant="dot" color={statusColor[r.status]} miw="max-content">
      {t(`events:status.${r.status}`)}
    </Badge>
  );
  return (
    <>
      <Table.ScrollContainer minWidth={640} visibleFrom="sm">
        <Table striped data-testid="organization-registrations">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('events:orgSection.event')}</Table.Th>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('events:admin.category')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <LText value={r.event} />
                  <Text size="xs" c="dimmed">
                    {f.date(r.startDate)}
                  </Text>
                </Table.Td>
                <Table.Td>{person(r)}</Table.Td>
                <Table.Td>
                  {category(r)} · {t(`events:attendance.${r.attendance}`)}
                </Table.Td>
                <Table.Td>{status(r)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Stack gap={8} hiddenFrom="sm">
        {q.data.map((r) => (
          <Box key={r.id} pl="sm" style={{ borderInlineStart: '3px solid var(--mantine-color-gray-3)' }}>
            <Text size="sm" fw={600}>
              {person(r)}
            </Text>
            <Text size="sm">
              <LText value={r.event} /> · {f.date(r.startDate)}
            </Text>
            <Text size="sm" c="dimmed">
              {category(r)} · {t(`events:attendance.${r.attendance}`)}
            </Text>
            {status(r)}
          </Box>
        ))}
      </Stack>
    </>
  );
}
