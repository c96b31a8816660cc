import { Alert, Button, FileInput, Group, Modal, ScrollArea, Stack, Table, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { directoryApi } from '../../features/directory/contract';
import type { Reply } from '../../platform/http/contract';
import { ErrorAlert } from './forms';

/** What an import answers: every bad row by line and column, or what it wrote. */
export type ImportReport = Reply<typeof directoryApi.import>;

/**
 * Uploads a CSV/XLSX file to an import endpoint: first a dry run that lists
 * every bad row by line and column, then the real import of a clean file.
 */
export function ImportDialog({
  send,
  columns,
  onImported,
  onClose,
}: {
  /** Uploads the file to the import endpoint (see upload() in web/api.ts). */
  send: (file: File, dryRun: boolean) => Promise<ImportReport>;
  columns: string;
  /** After rows were written: refresh what shows them. */
  onImported: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation('shell');
  const [file, setFile] = useState<File | null>(null);
  const run = useMutation({
    mutationFn: (dryRun: boolean) => (file ? send(file, dryRun) : Promise.reject(new Error('no file'))),
    onSuccess: (r) => !r.dryRun && onImported(),
  });
  const r = run.data;
  return (
    <Modal opened onClose={onClose} title={t('import.title')} size="xl">
      <Stack>
        <Text size="sm" c="dimmed">
          {columns}
        </Text>
        <FileInput
          label={t('import.file')}
          accept=".csv,.xlsx,text/csv"
          value={file}
          onChange={(f) => {
            setFile(f);
            run.reset();
          }}
        />
        <ErrorAlert error={run.error} />
        {r && r.errors.length > 0 ? (
          <>
            <Alert color="red">{t('import.bad', { count: new Set(r.errors.map((e) => e.line)).size })}</Alert>
            <ScrollArea h={260}>
              <Table data-testid="import-errors">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('import.line')}</Table.Th>
                    <Table.Th>{t('import.field')}</Table.Th>
                    <Table.Th>{t('import.problem')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {r.errors.map((e, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
                    <Table.Tr key={i}>
                      <Table.Td>{e.line}</Table.Td>
                      <Table.Td>{e.field}</Table.Td>
                      <Table.Td>{e.message}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        ) : null}
        {r && r.errors.length === 0 && r.dryRun ? <Alert color="green">{t('import.clean', { count: r.rows })}</Alert> : null}
        {r && !r.dryRun && r.errors.length === 0 ? <Alert color="green">{t('import.done', { count: r.written })}</Alert> : null}
        <Group justify="flex-end">
          <Button variant="default" onClick={() => run.mutate(true)} disabled={!file} loading={run.isPending && run.variables === true}>
            {t('import.check')}
          </Button>
          <Button
            onClick={() => run.mutate(false)}
            disabled={!file || !r?.dryRun || r.errors.length > 0}
            loading={run.isPending && run.variables === false}
          >
            {t('import.write', { count: r?.rows ?? 0 })}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
