import { Button, Code, Modal, ScrollArea, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { useFormat } from '../../../web/format';
import { adminApi } from '../contract';

type Entry = Reply<typeof adminApi.audit>['items'][number];

/** A record as the audit log keeps it, indented to read. */
const pretty = (json: string | null | undefined) => (json ? JSON.stringify(JSON.parse(json), null, 2) : '—');

/** /admin/audit: who changed what and when, with the record before and after. */
export function AuditPage() {
  const { t } = useTranslation(['admin', 'shell']);
  const f = useFormat();
  const [entity, setEntity] = useState('');
  const [open, setOpen] = useState<Entry | null>(null);
  const list = useQuery(query(adminApi.audit, { query: { entity, limit: 100 } }));
  return (
    <Stack>
      <Title order={1}>{t('shell:nav.audit')}</Title>
      <TextInput label={t('entity')} value={entity} onChange={(e) => setEntity(e.currentTarget.value)} maw={360} />
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('when')}</Table.Th>
              <Table.Th>{t('who')}</Table.Th>
              <Table.Th>{t('action')}</Table.Th>
              <Table.Th>{t('entity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{f.dateTime(a.at)}</Table.Td>
                <Table.Td>{a.actorEmail ?? '—'}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpen(a)}>
                    {a.action}
                  </Button>
                </Table.Td>
                <Table.Td>
                  {a.entity}{' '}
                  <Text span size="xs" c="dimmed">
                    {a.entityId}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open?.action} size="xl">
        <Stack>
          <Text fw={600}>{t('before')}</Text>
          <Code block>{pretty(open?.before)}</Code>
          <Text fw={600}>{t('after')}</Text>
          <Code block>{pretty(open?.after)}</Code>
        </Stack>
      </Modal>
    </Stack>
  );
}
