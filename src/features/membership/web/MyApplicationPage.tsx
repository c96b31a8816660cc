import { Alert, Anchor, Button, FileInput, Group, Paper, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { urlOf } from '../../../platform/http/contract';
import { call, invalidate, query, upload as uploadFile } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { useNotify } from '../../../web/components/forms';
import { LText } from '../../../web/localized';
import { type ApplicationDataInput, membershipApi as api } from '../contract';
import { ApplicationFields, cleanData } from './ApplicationFields';
import { type Application, ApplicationView } from './ApplicationView';
import { MembershipError, useMembershipError } from './MembershipError';
import { StatusBadge } from './StatusBadge';
import { Thread } from './Thread';

/** The applicant's own application: edit while a draft or when information is requested, documents, submit, withdraw, thread. */
export function MyApplicationPage() {
  const id = useParams().id ?? '';
  const { t } = useTranslation(['membership', 'shell']);
  const notify = useNotify();
  const errorText = useMembershipError();
  const qc = useQueryClient();
  const one = query(api.application, { params: { id } });
  const q = useQuery(one);
  const [data, setData] = useState<ApplicationDataInput | null>(null);
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<Record<string, File | null>>({});
  useEffect(() => {
    if (q.data && data === null) setData(q.data.data);
  }, [q.data, data]);
  const refresh = (app: Application) => qc.setQueryData(one.queryKey, app);
  const save = useMutation({
    mutationFn: () => call(api.updateApplication, { params: { id }, body: { data: cleanData(data ?? {}) } }),
    onSuccess: (a) => {
      refresh(a);
      notify.ok(t('apply.saved'));
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      if (can('edit')) await call(api.updateApplication, { params: { id }, body: { data: cleanData(data ?? {}) } });
      return call(api.submit, { params: { id } });
    },
    onSuccess: (a) => {
      refresh(a);
      notify.ok(t('apply.submitted'));
    },
  });
  const withdraw = useMutation({
    mutationFn: () => call(api.withdraw, { params: { id } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const send = useMutation({
    mutationFn: () => call(api.postMessage, { params: { id }, body: { body: message } }),
    onSuccess: (a) => {
      refresh(a);
      setMessage('');
    },
    onError: notify.error,
  });
  const upload = useMutation({
    mutationFn: ({ docKey, file }: { docKey: string; file: File }) => uploadFile(api.uploadDocument, { id }, file, { docKey }),
    onSuccess: (_r, { docKey }) => {
      setFiles({ ...files, [docKey]: null });
      return invalidate(qc, api.application);
    },
    onError: notify.error,
  });
  const app = q.data;
  if (!app) return <MembershipError error={q.error} />;
  const can = (a: string) => app.actions.includes(a);
  const other = { key: 'other', label: { en: 'Other', 'zh-Hans': '其他', 'zh-Hant': '其他' }, required: false };
  const docKeys = [...app.requiredDocuments.map((d) => ({ key: d.key, label: d.label, required: true })), other];
  return (
    <Stack maw={860}>
      <Group justify="space-between">
        <Title order={1}>{app.displayName || t('apply.title')}</Title>
        <StatusBadge status={app.status} />
      </Group>
      {app.status === 'info_requested' ? (
        <Alert color="orange" data-testid="info-requested">
          {t('apply.infoRequested')}
        </Alert>
      ) : null}
      {app.status === 'submitted' ? <Alert color="blue">{t('apply.submitted')}</Alert> : null}
      {app.decisionReason ? <Alert color={app.status === 'approved' ? 'green' : 'red'}>{app.decisionReason}</Alert> : null}
      {can('edit') && data ? (
        <>
          <ApplicationFields kind={app.applicantKind} data={data} onChange={setData} required={app.requiredFields} />
          <Group>
            <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} data-testid="save">
              {t('apply.saveDraft')}
            </Button>
          </Group>
          <MembershipError error={save.error} />
        </>
      ) : (
        <Paper withBorder p="md">
          <ApplicationView app={app} />
        </Paper>
      )}
      <Title order={3}>{t('apply.documents')}</Title>
      <Text size="sm" c="dimmed">
        {t('apply.documentsHint')}
      </Text>
      {app.documents.length ? (
        <Table data-testid="documents">
          <Table.Thead>
            <Table.Tr>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('apply.docKind')}</Table.Th>
              <Table.Th>{t('apply.file')}</Table.Th>
              <Table.Th style={{ whiteSpace: 'nowrap' }}>{t('apply.size')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {app.documents.map((d) => {
              // A document for no required key (or one the category no longer asks for) is one of the others.
              const kind = docKeys.find((k) => k.key === d.docKey) ?? other;
              return (
                <Table.Tr key={d.id}>
                  <Table.Td style={{ wordBreak: 'keep-all' }}>
                    <LText value={kind.label} />
                  </Table.Td>
                  <Table.Td style={{ overflowWrap: 'anywhere' }}>
                    <Anchor href={urlOf(api.document, { params: { id: app.id, docId: d.id } })}>{d.filename}</Anchor>
                  </Table.Td>
                  <Table.Td style={{ whiteSpace: 'nowrap' }}>{Math.ceil(d.size / 1024)} KB</Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      ) : (
        <EmptyState>{t('apply.noDocuments')}</EmptyState>
      )}
      {can('edit')
        ? docKeys.map((d) => (
            <Group key={d.key} align="flex-end">
              <FileInput
                label={
                  <>
                    <LText value={d.label} /> {d.required ? `(${t('apply.required')})` : ''}
                  </>
                }
                accept="application/pdf,image/png,image/jpeg,.docx"
                value={files[d.key] ?? null}
                onChange={(f) => setFiles({ ...files, [d.key]: f })}
                clearable
                w={360}
                data-testid={`file-${d.key}`}
              />
              <Button
                variant="default"
                disabled={!files[d.key]}
                loading={upload.isPending && upload.variables?.docKey === d.key}
                onClick={() => {
                  const file = files[d.key];
                  if (file) upload.mutate({ docKey: d.key, file });
                }}
                data-testid={`upload-${d.key}`}
              >
                {t('apply.upload')}
              </Button>
            </Group>
          ))
        : null}
      {submit.error ? (
        <Alert color="red" role="alert">
          {errorText(submit.error)}
        </Alert>
      ) : null}
      <Group>
        {can('submit') ? (
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="submit">
            {app.status === 'info_requested' ? t('apply.resubmit') : t('apply.submit')}
          </Button>
        ) : null}
        {can('withdraw') ? (
          <Button
            variant="subtle"
            color="red"
            onClick={() => window.confirm(t('apply.confirmWithdraw')) && withdraw.mutate()}
            data-testid="withdraw"
          >
            {t('apply.withdraw')}
          </Button>
        ) : null}
      </Group>
      {app.status !== 'draft' ? (
        <>
          <Title order={3}>{t('apply.thread')}</Title>
          <Thread app={app} />
          {can('message') ? (
            <Stack gap="xs">
              <Textarea
                label={t('apply.writeMessage')}
                autosize
                minRows={2}
                value={message}
                onChange={(e) => setMessage(e.currentTarget.value)}
                data-testid="message"
              />
              <Group>
                <Button
                  variant="default"
                  disabled={!message.trim()}
                  loading={send.isPending}
                  onClick={() => send.mutate()}
                  data-testid="send-message"
                >
                  {t('apply.send')}
                </Button>
              </Group>
            </Stack>
          ) : null}
        </>
      ) : null}
    </Stack>
  );
}
