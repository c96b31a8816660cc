import { Button, Code, Group, Modal, ScrollArea, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { useFormat } from '../../../web/format';
import { adminApi } from '../contract';
import { adminTexts } from './i18n';

type Entry = Reply<typeof adminApi.audit>['items'][number];

/** A record as the audit log keeps it, indented to read. */
const pretty = (json: string | null | undefined) => (json ? JSON.stringify(JSON.parse(json), null, 2) : '—');

/**
 * The label of an action or record type. Codes hold dots ('document.comment.resolve'), so the lookup
 * splits the key at '|' instead; a code written before its label existed shows as it is.
 */
const label = (t: TFunction, kind: 'auditAction' | 'auditEntity', code: string) =>
  t(`admin:${kind}|${code}`, { keySeparator: '|', defaultValue: code });

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
        .map((value) => ({ value, label: label(t, 'auditEntity', value) }))
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
                    {label(t, 'auditAction', a.action)}
                  </Button>
                </Table.Td>
                <Table.Td>
                  {label(t, 'auditEntity', a.entity)}{' '}
                  <Text span size="xs" c="dimmed">
                    {a.entityId}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open ? label(t, 'auditAction', open.action) : ''} size="xl">
        {open ? (
          <Stack>
            <Text size="sm">
              {f.dateTime(open.at)} · {open.actorEmail ?? '—'} · {label(t, 'auditEntity', open.entity)}
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
