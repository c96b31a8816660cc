import {
  Alert,
  Anchor,
  Button,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api } from '../../../web/api';
import { useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { pick, prefixOf, useLocale } from '../../../web/i18n';
import { LText } from '../../../web/localized';
import { useMe } from '../../../web/session';
import {
  ApplicationFields,
  ApplicationView,
  cleanData,
  MembershipError,
  StatusBadge,
  Thread,
  useCategories,
  useMembershipError,
  type AppData,
  type Application,
} from './shared';

/** The public application form: a visitor saves a draft by e-mail, a signed-in account goes straight to its draft. */
export function ApplyPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const locale = useLocale();
  const me = useMe();
  const navigate = useNavigate();
  const categories = useCategories();
  const [categoryKey, setCategoryKey] = useState<string | null>(null);
  const [data, setData] = useState<AppData>({ representatives: [{ name: '', email: '' }] });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const category = categories.data?.find((c) => c.key === categoryKey) ?? categories.data?.[0];
  const signedIn = !!me.data?.user;
  const save = useMutation({
    mutationFn: async () => {
      const body = { categoryKey: category!.key, locale, data: cleanData(data) };
      if (signedIn) return api.post<Application>('/api/v1/membership/applications', body);
      await api.post('/api/v1/membership/applications/start', { ...body, email, name });
      return null;
    },
    onSuccess: (app) => {
      if (app) navigate(`/my/applications/${app.id}`);
    },
  });
  if (save.isSuccess && !signedIn)
    return (
      <Stack maw={720}>
        <Title order={1}>{t('apply.title')}</Title>
        <Alert color="green" data-testid="draft-started">
          {t('apply.started', { email })}
        </Alert>
      </Stack>
    );
  return (
    <Stack maw={860}>
      <Title order={1}>{t('apply.title')}</Title>
      <Text>{t('apply.intro')}</Text>
      <Select
        label={t('apply.category')}
        required
        allowDeselect={false}
        data={(categories.data ?? []).map((c) => ({ value: c.key, label: pick(c.name, locale).text }))}
        value={category?.key ?? null}
        onChange={setCategoryKey}
        data-testid="category"
      />
      {!signedIn ? (
        <Paper withBorder p="md">
          <Title order={3} mb="xs">
            {t('apply.you')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('apply.yourEmail')}
              type="email"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              data-testid="applicant-email"
            />
            <TextInput
              label={t('apply.yourName')}
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              data-testid="applicant-name"
            />
          </SimpleGrid>
        </Paper>
      ) : null}
      {category ? (
        <ApplicationFields kind={category.applicantKind} data={data} onChange={setData} required={category.requiredFields} />
      ) : null}
      <MembershipError error={save.error} />
      <Group>
        <Button onClick={() => save.mutate()} loading={save.isPending} disabled={!category} data-testid="save-draft">
          {t('apply.saveDraft')}
        </Button>
      </Group>
    </Stack>
  );
}

export function MyApplicationsPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const f = useFormat();
  const list = useQuery({
    queryKey: ['membership', 'mine'],
    queryFn: () => api.get<Application[]>('/api/v1/membership/applications/mine'),
  });
  const locale = useLocale();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('apply.myTitle')}</Title>
        <Button component={Link} to={`/${prefixOf[locale]}/membership/apply`}>
          {t('apply.newApplication')}
        </Button>
      </Group>
      <MembershipError error={list.error} />
      {list.data?.length === 0 ? <Text>{t('apply.none')}</Text> : null}
      <Table>
        <Table.Tbody>
          {list.data?.map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>
                <Anchor component={Link} to={`/my/applications/${a.id}`}>
                  {a.displayName || '—'}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <LText value={a.categoryName} />
              </Table.Td>
              <Table.Td>
                <StatusBadge status={a.status} />
              </Table.Td>
              <Table.Td>{f.date(a.submittedAt ?? a.createdAt)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The applicant's own application: edit while a draft or when information is requested, documents, submit, withdraw, thread. */
export function MyApplicationPage() {
  const { id } = useParams();
  const { t } = useTranslation(['membership', 'shell']);
  const notify = useNotify();
  const errorText = useMembershipError();
  const qc = useQueryClient();
  const key = ['membership', 'application', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Application>(`/api/v1/membership/applications/${id}`) });
  const [data, setData] = useState<AppData | null>(null);
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<Record<string, File | null>>({});
  useEffect(() => {
    if (q.data && data === null) setData(q.data.data);
  }, [q.data, data]);
  const refresh = (app: Application) => qc.setQueryData(key, app);
  const save = useMutation({
    mutationFn: () => api.put<Application>(`/api/v1/membership/applications/${id}`, { data: cleanData(data ?? {}) }),
    onSuccess: (a) => {
      refresh(a);
      notify.ok(t('apply.saved'));
    },
  });
  const submit = useMutation({
    mutationFn: async () => {
      if (can('edit')) await api.put(`/api/v1/membership/applications/${id}`, { data: cleanData(data ?? {}) });
      return api.post<Application>(`/api/v1/membership/applications/${id}/submit`);
    },
    onSuccess: (a) => {
      refresh(a);
      notify.ok(t('apply.submitted'));
    },
  });
  const withdraw = useMutation({
    mutationFn: () => api.post<Application>(`/api/v1/membership/applications/${id}/withdraw`),
    onSuccess: refresh,
    onError: notify.error,
  });
  const send = useMutation({
    mutationFn: () => api.post<Application>(`/api/v1/membership/applications/${id}/messages`, { body: message }),
    onSuccess: (a) => {
      refresh(a);
      setMessage('');
    },
    onError: notify.error,
  });
  const upload = useMutation({
    mutationFn: (docKey: string) => api.upload(`/api/v1/membership/applications/${id}/documents`, files[docKey]!, 'POST', { docKey }),
    onSuccess: (_r, docKey) => {
      setFiles({ ...files, [docKey]: null });
      return qc.invalidateQueries({ queryKey: key });
    },
    onError: notify.error,
  });
  const app = q.data;
  if (!app) return <MembershipError error={q.error} />;
  const can = (a: string) => app.actions.includes(a);
  const docKeys = [
    ...app.requiredDocuments.map((d) => ({ key: d.key, label: d.label, required: true })),
    { key: 'other', label: { en: 'Other', 'zh-Hans': '其他', 'zh-Hant': '其他' }, required: false },
  ];
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
      <Table data-testid="documents">
        <Table.Tbody>
          {app.documents.map((d) => (
            <Table.Tr key={d.id}>
              <Table.Td>{d.docKey}</Table.Td>
              <Table.Td>
                <Anchor href={`/api/v1/membership/applications/${app.id}/documents/${d.id}`}>{d.filename}</Anchor>
              </Table.Td>
              <Table.Td>{Math.ceil(d.size / 1024)} KB</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
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
                loading={upload.isPending && upload.variables === d.key}
                onClick={() => upload.mutate(d.key)}
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
