import { Alert, Badge, Button, Code, Group, Modal, ScrollArea, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { query, readSearch } from '../../../web/api';
import { Pager } from '../../../web/components/Pager';
import { useFormat } from '../../../web/format';
import { adminApi, mailStatuses, outboxQuery } from '../contract';

type Mail = Reply<typeof adminApi.outbox>['items'][number];

const statusColor: Partial<Record<Mail['status'], string>> = { sent: 'green', failed: 'red' };

/** /admin/outbox: every mail the platform wrote, and whether it went out. */
export function OutboxPage() {
  const { t } = useTranslation(['admin', 'shell']);
  const f = useFormat();
  const [page, setPage] = useState(1);
  const [to, setTo] = useState('');
  const [search] = useSearchParams();
  // A link may open the outbox filtered by status (?status=failed, from the staff overview).
  const [status, setStatus] = useState<Mail['status'] | undefined>(() => readSearch(outboxQuery, search).status);
  const [open, setOpen] = useState<Mail | null>(null);
  const list = useQuery({ ...query(adminApi.outbox, { query: { page, to, status, pageSize: 25 } }), placeholderData: keepPreviousData });
  return (
    <Stack>
      <Title order={1}>{t('shell:nav.outbox')}</Title>
      <Text size="sm">{t('outboxIntro')}</Text>
      {list.data ? (
        <Alert color={list.data.smtpConfigured ? 'green' : 'yellow'}>{list.data.smtpConfigured ? t('smtpOn') : t('smtpOff')}</Alert>
      ) : null}
      <Group align="end">
        <TextInput
          label={t('to')}
          value={to}
          onChange={(e) => {
            setTo(e.currentTarget.value);
            setPage(1);
          }}
          w={360}
          maw="100%"
        />
        <Select
          label={t('shell:common.status')}
          placeholder={t('allStatuses')}
          clearable
          data={mailStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          value={status ?? null}
          onChange={(v) => {
            setStatus(mailStatuses.find((s) => s === v));
            setPage(1);
          }}
          w={200}
          maw="100%"
        />
      </Group>
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('when')}</Table.Th>
              <Table.Th>{t('to')}</Table.Th>
              <Table.Th>{t('subject')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((m) => (
              <Table.Tr key={m.id} onClick={() => setOpen(m)} style={{ cursor: 'pointer' }}>
                <Table.Td>{f.dateTime(m.createdAt)}</Table.Td>
                <Table.Td>{m.to}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpen(m)}>
                    {m.subject}
                  </Button>
                </Table.Td>
                <Table.Td miw={110}>
                  <Badge color={statusColor[m.status] ?? 'gray'}>{t(`status.${m.status}`)}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open?.subject} size="lg">
        <Text size="sm" c="dimmed">
          {t('to')}: {open?.to}
        </Text>
        <Code block mt="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="mail-body">
          {open?.text}
        </Code>
      </Modal>
    </Stack>
  );
}
