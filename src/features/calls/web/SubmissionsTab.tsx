import { Button, Group, Stack, Table, Textarea, VisuallyHidden } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { call, invalidate, query } from '../../../web/api';
import { type BulkAction, BulkBar, SelectPage, SelectRow } from '../../../web/components/BulkBar';
import { EmptyState } from '../../../web/components/EmptyState';
import { useCountryName, useNotify } from '../../../web/components/forms';
import { useSelection } from '../../../web/components/useSelection';
import { LText } from '../../../web/localized';
import { callsApi, type SubmissionFilter } from '../contract';
import { type StaffEntry, StaffSubmission } from './StaffSubmission';

/** The entries of a call: screening by hand (one, or the selection) or automatically; a click opens one entry. */
export function SubmissionsTab({
  call: c,
  entryDetail,
  fileUrl,
}: {
  call: Reply<typeof callsApi.get>;
  entryDetail?: ComponentType<{ submissionId: string }>;
  fileUrl?: (submissionId: string, fileId: string) => string;
}) {
  const callId = c.id;
  const { t } = useTranslation(['calls', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const country = useCountryName();
  const { data } = useQuery(query(callsApi.submissions, { params: { id: callId } }));
  const refresh = () => invalidate(qc, callsApi.submissions);
  const auto = useMutation({
    mutationFn: () => call(callsApi.autoScreen, { params: { id: callId } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const screen = useMutation({
    mutationFn: (x: { id: string; result: 'passed' | 'failed'; reason: string }) =>
      call(callsApi.screen, { params: { id: x.id }, body: { result: x.result, reason: x.reason } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const [shown, setShown] = useState<StaffEntry | null>(null);
  // The list shows every entry of the call: its filter is none.
  const filter: SubmissionFilter = {};
  const selection = useSelection({ ids: data?.map((s) => s.id) ?? [], total: data?.length ?? 0, filter });
  const [reason, setReason] = useState('');
  const params = { id: callId };
  const actions: BulkAction<SubmissionFilter>[] = [
    {
      label: t('calls:admin.bulk.pass'),
      question: (count) => t('calls:admin.bulk.confirmPass', { count }),
      run: (s) => call(callsApi.bulkScreen, { params, body: { selection: s, result: 'passed', reason: '' } }),
      done: (count) => t('calls:admin.bulk.passed', { count }),
      skipped: (count) => t('calls:admin.bulk.alreadyPassed', { count }),
      testId: 'bulk-pass',
    },
    {
      label: t('calls:admin.bulk.fail'),
      color: 'red',
      question: (count) => t('calls:admin.bulk.confirmFail', { count }),
      onOpen: () => setReason(''),
      confirmDisabled: !reason.trim(),
      form: (
        <Textarea
          label={t('calls:admin.bulk.reason')}
          required
          autosize
          minRows={2}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value)}
        />
      ),
      run: (s) => call(callsApi.bulkScreen, { params, body: { selection: s, result: 'failed', reason: reason.trim() } }),
      done: (count) => t('calls:admin.bulk.failed', { count }),
      skipped: (count) => t('calls:admin.bulk.alreadyFailed', { count }),
      testId: 'bulk-fail',
    },
  ];
  return (
    <Stack>
      {shown ? <StaffSubmission s={shown} call={c} onClose={() => setShown(null)} detail={entryDetail} fileUrl={fileUrl} /> : null}
      <Button w="fit-content" onClick={() => auto.mutate()} data-testid="auto-screen">
        {t('calls:admin.autoScreen')}
      </Button>
      <BulkBar selection={selection} actions={actions} onChanged={refresh} />
      {data && !data.length ? <EmptyState>{t('calls:table.noSubmissions')}</EmptyState> : null}
      {data?.length ? (
        <Table.ScrollContainer minWidth={800}>
          <Table data-testid="submissions">
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={40}>
                  <SelectPage selection={selection} />
                </Table.Th>
                <Table.Th>{t('calls:form.code')}</Table.Th>
                <Table.Th>{t('calls:table.title')}</Table.Th>
                <Table.Th>{t('calls:table.country')}</Table.Th>
                <Table.Th>{t('calls:form.status')}</Table.Th>
                <Table.Th>{t('calls:table.screening')}</Table.Th>
                <Table.Th>
                  <VisuallyHidden>{t('shell:common.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.map((s) => (
                <Table.Tr key={s.id}>
                  <Table.Td>
                    <SelectRow selection={selection} id={s.id} name={s.code} />
                  </Table.Td>
                  <Table.Td>
                    <Button variant="transparent" size="compact-sm" px={0} onClick={() => setShown(s)}>
                      {s.code}
                    </Button>
                  </Table.Td>
                  <Table.Td>
                    <LText value={s.title} />
                  </Table.Td>
                  <Table.Td>{country(s.countryCode)}</Table.Td>
                  <Table.Td>{t(`calls:status.${s.status}`)}</Table.Td>
                  <Table.Td>
                    {t(`calls:status.${s.screening}`)} {s.eligibilityProblems?.join('; ')}
                  </Table.Td>
                  <Table.Td>
                    {s.status === 'submitted' ? (
                      <Group gap="xs" wrap="nowrap">
                        <Button size="xs" variant="light" onClick={() => screen.mutate({ id: s.id, result: 'passed', reason: '' })}>
                          {t('calls:admin.pass')}
                        </Button>
                        <Button
                          size="xs"
                          variant="light"
                          color="red"
                          onClick={() => {
                            const reason = window.prompt(t('calls:admin.reason'));
                            if (reason) screen.mutate({ id: s.id, result: 'failed', reason });
                          }}
                        >
                          {t('calls:admin.fail')}
                        </Button>
                      </Group>
                    ) : null}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
    </Stack>
  );
}
