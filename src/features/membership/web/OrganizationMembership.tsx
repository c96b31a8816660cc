import { Anchor, Group, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { query } from '../../../web/api';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { membershipApi as api, membershipPages } from '../contract';
import { MembershipModal } from './MembershipModal';
import { StatusBadge } from './StatusBadge';

/**
 * The membership section of an organization's page in the directory: its membership (the history and the
 * status changes open in the membership's dialog) and its membership applications.
 */
export function OrganizationMembership({ organizationId }: { organizationId: string }) {
  const { t } = useTranslation(['membership', 'shell']);
  const f = useFormat();
  const to = useTo();
  const [open, setOpen] = useState<string | null>(null);
  const ms = useQuery(query(api.memberships, { query: { organization: organizationId, page: 1, pageSize: 10 } }));
  const apps = useQuery(query(api.applications, { query: { organization: organizationId, page: 1, pageSize: 20 } }));
  return (
    <Stack gap="md">
      {ms.data && !ms.data.items.length ? (
        <Text size="sm" c="dimmed">
          {t('membership:orgSection.none')}
        </Text>
      ) : null}
      {ms.data?.items.map((m) => (
        <Stack key={m.id} gap={4} data-testid="organization-membership">
          <Group gap="xs">
            <Anchor component="button" fw={600} onClick={() => setOpen(m.id)}>
              <LText value={m.categoryName} />
            </Anchor>
            <StatusBadge status={m.status} />
          </Group>
          <Text size="sm" c="dimmed">
            {t('membership:admin.start')}: {f.date(m.startDate)} · {t('membership:admin.renewal')}: {f.date(m.renewalDate)}
          </Text>
          {m.statusReason ? (
            <Text size="sm">
              {t('shell:common.reason')}: {m.statusReason}
            </Text>
          ) : null}
        </Stack>
      ))}
      {apps.data?.items.length ? (
        <Stack gap={4}>
          <Text size="sm" fw={600}>
            {t('membership:orgSection.applications')}
          </Text>
          <Table.ScrollContainer minWidth={420}>
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('membership:queue.category')}</Table.Th>
                  <Table.Th>{t('shell:common.status')}</Table.Th>
                  <Table.Th>{t('membership:queue.submittedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {apps.data.items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Anchor component={Link} to={to(membershipPages.application, { id: a.id })}>
                        <LText value={a.categoryName} />
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <StatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td>{f.date(a.submittedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Stack>
      ) : null}
      {open ? <MembershipModal id={open} onClose={() => setOpen(null)} /> : null}
    </Stack>
  );
}
