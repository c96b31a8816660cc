import { Anchor, Box, Button, Code, Group, Modal, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { useFormat } from '../../../web/format';
import { adminApi } from '../contract';
import { auditLabel } from '../../../web/components/auditLabel';
import { adminTexts } from './i18n';

type Entry = Reply<typeof adminApi.audit>['items'][number];

/** A record as the audit log keeps it, indented to read. */
const pretty = (json: string | null | undefined) => (json ? JSON.stringify(JSON.parse(json), null, 2) : '—');

/** The record an entry is about: its type, and the start of its id to tell records apart (the whole id is in the details). */
function Record({ entry }: { entry: Entry }) {
  const { t } = useTranslation('admin');
  return (
    <>
      {auditLabel(t, 'auditEntity', entry.entity)}{' '}
      {entry.entityId ? (
        <Text span size="xs" c="dimmed" ff="monospace">
          {entry.entityId.slice(0, 8)}
        </Text>
      ) : null}
    </>
  );
}

/** /admin/audit: who changed what and when, with the record before and after. */
export function AuditPage() {
  const { t, i18n } = useTranslation(['admin', 'shell']);
  const f = useFormat();
  const [entity, setEntity] = useState<string | null>(null);
  const [open, setOpen] = useState<Entry | null>(null);
  const list = useQuery(query(adminApi.audit, { query: { entity: entity ?? undefined, limit: 100 } }));
  const entities = useMemo(
    () =>
      Object.keys(adminTexts.en.auditEntity)
        .map((value) => ({ value, label: auditLabel(t, 'auditEntity', value) }))
        .sort((a, b) => a.label.localeCompare(b.label, i18n.language)),
    [t, i18n.language],
  );
  return (
    <Stack>
      <Title order={1}>{t('shell:nav.audit')}</Title>
      <Select
        label={t('recordType')}
        placeholder={t('allRecords')}
        data={entities}
        value={entity}
        onChange={setEntity}
        searchable
        clearable
        maw={360}
      />
      {/* A table from tablet width up; on a phone each entry is a block of lines. */}
      <ScrollArea visibleFrom="sm">
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
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{f.dateTime(a.at)}</Table.Td>
                <Table.Td>{a.actorEmail || '—'}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpen(a)}>
                    {auditLabel(t, 'auditAction', a.action)}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Record entry={a} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Stack gap={0} hiddenFrom="sm">
        {list.data?.items.map((a) => (
          <Box key={a.id} py="xs" style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
            <Anchor component="button" fw={600} onClick={() => setOpen(a)} ta="start">
              {auditLabel(t, 'auditAction', a.action)}
            </Anchor>
            <Text size="sm">
              <Record entry={a} />
            </Text>
            <Text size="xs" c="dimmed">
              {f.dateTime(a.at)} · {a.actorEmail || '—'}
            </Text>
          </Box>
        ))}
      </Stack>
      <Modal
        opened={!!open}
        onClose={() => setOpen(null)}
        title={open ? auditLabel(t, 'auditAction', open.action) : ''}
        styles={{ title: { fontWeight: 600 } }}
        size="xl"
      >
        {open ? (
          <Stack>
            <Text size="sm">
              {f.dateTime(open.at)} · {open.actorEmail || '—'} · {auditLabel(t, 'auditEntity', open.entity)}
            </Text>
            {/* The codes as stored, for staff who search the log or the database by them. */}
            <Group gap={6}>
              <Text size="xs" c="dimmed">
                {t('codes')}:
              </Text>
              <Code c="dimmed">{open.action}</Code>
              <Code c="dimmed">{open.entity}</Code>
              {open.entityId ? <Code c="dimmed">{open.entityId}</Code> : null}
            </Group>
            <Text fw={600}>{t('before')}</Text>
            <Code block>{pretty(open.before)}</Code>
            <Text fw={600}>{t('after')}</Text>
            <Code block>{pretty(open.after)}</Code>
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}
