import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Loader,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { urlOf } from '../../../platform/http/contract';
import { call, invalidate, query, upload } from '../../../web/api';
import { ErrorAlert, LocalizedInput, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import type { LocalizedText } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { eventsPages } from '../../events/contract';
import { documentKinds, groupsApi, groupsPages } from '../contract';
import { SafeHtml } from './markdown';
import { MeetingForm } from './MeetingForm';
import { Members } from './Members';
import { Thread } from './Thread';

/** The members' workspace: documents, meetings, discussion and members of a group. */
export function WorkspacePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(['groups', 'shell']);
  const to = useTo();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const notify = useNotify();
  const fmt = useFormat();
  const q = useQuery(query(groupsApi.workspace, { params: { id: slug } }));
  const refresh = () => invalidate(qc, groupsApi.workspace);
  const [docTitle, setDocTitle] = useState<LocalizedText>({});
  const [kind, setKind] = useState<(typeof documentKinds)[number]>('consensus');
  const [planning, setPlanning] = useState(false);
  const [threadTitle, setThreadTitle] = useState('');
  const [threadBody, setThreadBody] = useState('');
  const [openThread, setOpenThread] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => call(groupsApi.createGroupDocument, { params: { id: slug }, body: { kind, title: docTitle, paragraphs: [] } }),
    onSuccess: (d) => navigate(`${to(groupsPages.document, { id: d.id })}?edit=1`),
    onError: notify.error,
  });
  const newThread = useMutation({
    mutationFn: () => call(groupsApi.createThread, { params: { id: slug }, body: { title: threadTitle, body: threadBody } }),
    onSuccess: () => {
      setThreadTitle('');
      setThreadBody('');
      return refresh();
    },
    onError: notify.error,
  });
  const uploadMinutes = useMutation({
    mutationFn: (v: { id: string; file: File }) => upload(groupsApi.uploadMinutes, { id: slug, meetingId: v.id }, v.file),
    onSuccess: refresh,
    onError: notify.error,
  });
  if (q.isLoading) return <Loader aria-label={t('shell:common.loading')} />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const w = q.data;
  return (
    <Stack py="md">
      <Group justify="space-between">
        <Title order={1}>
          <LText value={w.group.name} /> — {t('groups:workspace')}
        </Title>
        <Anchor component={Link} to={to(groupsPages.group, { slug })}>
          {t('shell:common.back')}
        </Anchor>
      </Group>
      <Tabs defaultValue="documents" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="documents">{t('groups:documents')}</Tabs.Tab>
          <Tabs.Tab value="meetings">{t('groups:meetings')}</Tabs.Tab>
          <Tabs.Tab value="discussion">{t('groups:discussion')}</Tabs.Tab>
          <Tabs.Tab value="members">{t('groups:memberList')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="documents" pt="md">
          <Stack>
            {w.documents.map((d) => (
              <Group key={d.id} justify="space-between">
                <Anchor component={Link} to={to(groupsPages.document, { id: d.id })}>
                  <LText value={d.title} />
                </Anchor>
                <Group gap="xs">
                  <Badge variant="light">{t(`groups:kind.${d.kind}`)}</Badge>
                  <Badge>
                    {d.latest.label} · {t(`documents:vstatus.${d.latest.status}`)}
                  </Badge>
                </Group>
              </Group>
            ))}
            {w.you.editor ? (
              <Card withBorder>
                <Stack>
                  <Title order={2} size="h4">
                    {t('groups:newDocument')}
                  </Title>
                  <Select
                    label={t('groups:kindLabel')}
                    data={documentKinds.map((k) => ({
                      value: k,
                      label: t(`groups:kind.${k}`),
                    }))}
                    value={kind}
                    onChange={(v) => {
                      const k = documentKinds.find((x) => x === v);
                      if (k) setKind(k);
                    }}
                  />
                  <LocalizedInput label={t('groups:docTitle')} value={docTitle} onChange={setDocTitle} required name="docTitle" />
                  <Button onClick={() => create.mutate()} loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
                    {t('shell:common.create')}
                  </Button>
                </Stack>
              </Card>
            ) : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="meetings" pt="md">
          <Stack>
            {w.meetings.map((m) => (
              <Card key={m.id} withBorder>
                <Group justify="space-between">
                  <Title order={3} size="h5">
                    <LText value={m.title} />
                  </Title>
                  <Badge variant="light">{t(`groups:meeting.${m.mode}`)}</Badge>
                </Group>
                <Text size="sm">
                  {fmt.dateTime(m.startsAt, m.timezone)} ({m.timezone}) · {fmt.dateTime(m.startsAt)}
                </Text>
                {m.link ? (
                  <Anchor href={m.link} target="_blank" rel="noopener noreferrer" size="sm">
                    {m.link}
                  </Anchor>
                ) : null}
                {m.location ? <Text size="sm">{m.location}</Text> : null}
                {m.event ? (
                  <Text size="sm">
                    {t('groups:meeting.atEvent')}{' '}
                    <Anchor component={Link} to={to(eventsPages.event, { slug: m.event.slug })} data-testid="meeting-event">
                      <LText value={m.event.name} />
                    </Anchor>
                  </Text>
                ) : null}
                {m.minutesHtml ? <SafeHtml html={m.minutesHtml} /> : null}
                {m.minutesFile ? (
                  <Anchor href={urlOf(groupsApi.minutes, { params: { id: slug, meetingId: m.id } })} size="sm">
                    {t('groups:meeting.downloadMinutes')}: {m.minutesFile.name}
                  </Anchor>
                ) : null}
                {w.you.editor ? (
                  <FileInput
                    mt="xs"
                    size="xs"
                    label={t('groups:meeting.uploadMinutes')}
                    accept=".pdf,.docx"
                    onChange={(f) => f && uploadMinutes.mutate({ id: m.id, file: f })}
                  />
                ) : null}
              </Card>
            ))}
            {w.you.editor ? (
              planning ? (
                <MeetingForm
                  slug={slug}
                  onDone={() => {
                    setPlanning(false);
                    return refresh();
                  }}
                />
              ) : (
                <Button variant="default" onClick={() => setPlanning(true)} style={{ alignSelf: 'flex-start' }}>
                  {t('groups:newMeeting')}
                </Button>
              )
            ) : null}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="discussion" pt="md">
          <Stack>
            {w.threads.map((th) => (
              <Card key={th.id} withBorder>
                <Group justify="space-between">
                  <Anchor component="button" onClick={() => setOpenThread(openThread === th.id ? null : th.id)}>
                    {th.title}
                  </Anchor>
                  <Text size="xs" c="dimmed">
                    {th.createdBy} · {t('groups:posts', { count: th.posts })}
                  </Text>
                </Group>
                {openThread === th.id ? <Thread slug={slug} id={th.id} /> : null}
              </Card>
            ))}
            <Card withBorder>
              <Stack>
                <TextInput label={t('groups:threadTitle')} value={threadTitle} onChange={(e) => setThreadTitle(e.currentTarget.value)} />
                <Textarea label={t('groups:post')} value={threadBody} onChange={(e) => setThreadBody(e.currentTarget.value)} />
                <Button
                  onClick={() => newThread.mutate()}
                  disabled={!threadTitle.trim() || !threadBody.trim()}
                  style={{ alignSelf: 'flex-start' }}
                >
                  {t('groups:newThread')}
                </Button>
              </Stack>
            </Card>
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="members" pt="md">
          <Members slug={slug} editor={w.you.editor} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
