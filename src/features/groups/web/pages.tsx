import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  FileInput,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
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
import { api } from '../../../web/api';
import { ErrorAlert, LocalizedInput, useCountryName, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { prefixOf, useLocale, type LocalizedText } from '../../../web/i18n';
import { LText, useLocalized } from '../../../web/localized';
import { isStaff, useMe } from '../../../web/session';
import { SafeHtml } from './markdown';

export interface GroupSummary {
  id: string;
  slug: string;
  name: LocalizedText;
  mandate: LocalizedText;
  status: string;
  memberCount: number;
}
interface PublicGroup extends Omit<GroupSummary, 'memberCount'> {
  memberCount: number;
  chairs: Array<{ userId: string; name: string; role: 'chair' | 'co_chair'; organizationName: LocalizedText | null }>;
  liaison: { name: string } | null;
  memberOrganizations: Array<{ id: string; name: LocalizedText; countryCode: string; stakeholderGroup: string }>;
  outputs: Array<{ id: string; kind: string; title: LocalizedText; versionLabel: string; publishedAt: string | null }>;
  you: { member: boolean; editor: boolean; status: string | null };
}
interface Meeting {
  id: string;
  title: LocalizedText;
  startsAt: string;
  durationMinutes: number;
  timezone: string;
  mode: 'online' | 'in_person' | 'hybrid';
  location: string | null;
  link: string | null;
  minutesHtml: string | null;
  minutesFile: { id: string; name: string } | null;
  event: { id: string; slug: string; name: LocalizedText; startDate: string; endDate: string } | null;
}
interface Workspace {
  group: GroupSummary;
  documents: Array<{ id: string; kind: string; title: LocalizedText; latest: { label: string; status: string } }>;
  meetings: Meeting[];
  threads: Array<{ id: string; title: string; createdBy: string; lastPostAt: string; posts: number }>;
  you: { editor: boolean };
}
interface Member {
  id: string;
  userId: string;
  name: string;
  email: string | null;
  role: 'chair' | 'co_chair' | 'member';
  status: string;
  organizationName: LocalizedText | null;
  message: string | null;
}

export const useLangPath = () => {
  const locale = useLocale();
  return (p: string) => `/${prefixOf[locale]}${p}`;
};

export function GroupsPage() {
  const { t } = useTranslation(['groups', 'shell']);
  const to = useLangPath();
  const q = useQuery({ queryKey: ['groups'], queryFn: () => api.get<GroupSummary[]>('/api/v1/groups') });
  return (
    <Stack py="md">
      <Title order={1}>{t('groups:title')}</Title>
      <Text c="dimmed">{t('groups:intro')}</Text>
      {q.error ? <ErrorAlert error={q.error} /> : null}
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        {(q.data ?? []).map((g) => (
          <Card key={g.id} withBorder padding="lg" component={Link} to={to(`/groups/${g.slug}`)} data-testid={`group-${g.slug}`}>
            <Title order={2} size="h3">
              <LText value={g.name} />
            </Title>
            <Text size="sm" c="dimmed" mt="xs" lineClamp={4}>
              <LText value={g.mandate} />
            </Text>
            <Badge mt="md" variant="light">
              {t('groups:members', { count: g.memberCount })}
            </Badge>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function GroupPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(['groups', 'shell']);
  const to = useLangPath();
  const qc = useQueryClient();
  const notify = useNotify();
  const { data: me } = useMe();
  const countryName = useCountryName();
  const q = useQuery({ queryKey: ['group', slug], queryFn: () => api.get<PublicGroup>(`/api/v1/groups/${slug}`) });
  const [message, setMessage] = useState('');
  const [mandate, setMandate] = useState<LocalizedText | null>(null);
  const refresh = () => qc.invalidateQueries({ queryKey: ['group', slug] });
  const saveMandate = useMutation({
    mutationFn: () => api.put(`/api/v1/groups/${slug}`, { mandate }),
    onSuccess: () => {
      setMandate(null);
      refresh();
      notify.ok();
    },
    onError: notify.error,
  });
  const join = useMutation({
    mutationFn: () => api.post(`/api/v1/groups/${slug}/requests`, { message: message || undefined }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const answer = useMutation({
    mutationFn: (a: 'accept' | 'decline') => api.post(`/api/v1/groups/${slug}/invitation/${a}`),
    onSuccess: () => {
      refresh();
      return qc.invalidateQueries({ queryKey: ['me'] });
    },
    onError: notify.error,
  });
  if (q.isLoading) return <Loader aria-label={t('shell:common.loading')} />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const g = q.data;
  return (
    <Stack py="md" gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>
          <LText value={g.name} />
        </Title>
        {g.you.member ? (
          <Button component={Link} to={to(`/groups/${g.slug}/workspace`)}>
            {t('groups:openWorkspace')}
          </Button>
        ) : null}
      </Group>
      <section aria-labelledby="mandate">
        <Title order={2} size="h4" id="mandate">
          {t('groups:mandate')}
        </Title>
        {mandate ? (
          <Stack>
            <LocalizedInput label={t('groups:mandate')} value={mandate} onChange={setMandate} multiline />
            <Group>
              <Button onClick={() => saveMandate.mutate()} loading={saveMandate.isPending}>
                {t('shell:common.save')}
              </Button>
              <Button variant="default" onClick={() => setMandate(null)}>
                {t('shell:common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <LText value={g.mandate} />
          </Text>
        )}
        {g.you.editor && !mandate ? (
          <Button size="xs" variant="subtle" onClick={() => setMandate(g.mandate)}>
            {t('shell:common.edit')}
          </Button>
        ) : null}
      </section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <section aria-labelledby="chairs">
          <Title order={2} size="h4" id="chairs">
            {t('groups:chairs')}
          </Title>
          <Stack gap={4}>
            {g.chairs.map((c) => (
              <Text key={c.userId}>
                <b>{c.name}</b> · {t(`groups:role.${c.role}`)}
                {c.organizationName ? (
                  <>
                    {' · '}
                    <LText value={c.organizationName} />
                  </>
                ) : null}
              </Text>
            ))}
            {g.liaison ? (
              <Text size="sm" c="dimmed">
                {t('groups:liaison')}: {g.liaison.name}
              </Text>
            ) : null}
          </Stack>
        </section>
        <section aria-labelledby="orgs">
          <Title order={2} size="h4" id="orgs">
            {t('groups:memberOrgs')} ({g.memberOrganizations.length})
          </Title>
          <Stack gap={2}>
            {g.memberOrganizations.map((o) => (
              <Text key={o.id} size="sm">
                <LText value={o.name} /> — {countryName(o.countryCode)} · {t(`shell:stakeholders.${o.stakeholderGroup}`)}
              </Text>
            ))}
          </Stack>
        </section>
      </SimpleGrid>
      <section aria-labelledby="outputs">
        <Title order={2} size="h4" id="outputs">
          {t('groups:outputs')}
        </Title>
        {g.outputs.length === 0 ? <Text c="dimmed">{t('groups:noOutputs')}</Text> : null}
        <Stack gap={4}>
          {g.outputs.map((o) => (
            <Anchor key={o.id} component={Link} to={to(`/documents/${o.id}`)}>
              {t(`groups:kind.${o.kind}`)}: <LText value={o.title} /> ({o.versionLabel})
            </Anchor>
          ))}
        </Stack>
      </section>
      {me?.user && !g.you.member ? (
        g.you.status === 'invited' ? (
          <Alert title={t('groups:invited')}>
            <Group>
              <Button onClick={() => answer.mutate('accept')}>{t('groups:accept')}</Button>
              <Button variant="default" onClick={() => answer.mutate('decline')}>
                {t('groups:decline')}
              </Button>
            </Group>
          </Alert>
        ) : g.you.status === 'requested' ? (
          <Alert>{t('groups:requested')}</Alert>
        ) : (
          <Card withBorder>
            <Stack>
              <Textarea label={t('groups:joinMessage')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
              <Button onClick={() => join.mutate()} loading={join.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('groups:join')}
              </Button>
            </Stack>
          </Card>
        )
      ) : null}
    </Stack>
  );
}

const timeZones = [
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Singapore',
  'Asia/Tokyo',
  'Europe/Madrid',
  'Europe/Berlin',
  'Europe/London',
  'Africa/Nairobi',
  'America/Sao_Paulo',
  'America/New_York',
  'UTC',
];

function MeetingForm({ slug, onDone }: { slug: string; onDone: () => void }) {
  const { t } = useTranslation(['groups', 'shell']);
  const notify = useNotify();
  const [title, setTitle] = useState<LocalizedText>({});
  const [local, setLocal] = useState('');
  const [timezone, setTimezone] = useState('Asia/Shanghai');
  const [mode, setMode] = useState<'online' | 'in_person' | 'hybrid'>('online');
  const [link, setLink] = useState('');
  const [location, setLocation] = useState('');
  const [eventId, setEventId] = useState<string | null>(null);
  const localized = useLocalized();
  // Upcoming published events the meeting can be held at (the public list holds every published one).
  const events = useQuery({
    queryKey: ['events'],
    queryFn: () => api.get<Array<{ id: string; name: LocalizedText; status: string; endDate: string }>>('/api/v1/events'),
  });
  const eventChoices = (events.data ?? [])
    .filter((e) => e.status === 'published' && e.endDate >= new Date().toISOString().slice(0, 10))
    .map((e) => ({ value: e.id, label: localized(e.name).text }));
  const save = useMutation({
    mutationFn: () => {
      // The wall-clock time is meant in the chosen zone: find that zone's offset at that moment.
      const guess = new Date(`${local}:00Z`);
      const inZone = new Date(guess.toLocaleString('en-US', { timeZone: timezone }));
      const asUtc = new Date(guess.toLocaleString('en-US', { timeZone: 'UTC' }));
      const startsAt = new Date(guess.getTime() - (inZone.getTime() - asUtc.getTime())).toISOString();
      return api.post(`/api/v1/groups/${slug}/meetings`, {
        title,
        startsAt,
        timezone,
        mode,
        link: link || null,
        location: location || null,
        eventId,
      });
    },
    onSuccess: onDone,
    onError: notify.error,
  });
  return (
    <Card withBorder>
      <Stack>
        <LocalizedInput label={t('groups:meeting.title')} value={title} onChange={setTitle} required />
        <Group grow>
          <TextInput
            type="datetime-local"
            label={t('groups:meeting.startsAt')}
            value={local}
            onChange={(e) => setLocal(e.currentTarget.value)}
            required
          />
          <Select label={t('groups:meeting.timezone')} data={timeZones} value={timezone} onChange={(v) => v && setTimezone(v)} searchable />
          <Select
            label={t('groups:meeting.mode')}
            data={(['online', 'in_person', 'hybrid'] as const).map((m) => ({ value: m, label: t(`groups:meeting.${m}`) }))}
            value={mode}
            onChange={(v) => v && setMode(v as 'online')}
          />
        </Group>
        {mode !== 'in_person' ? (
          <TextInput label={t('groups:meeting.link')} value={link} onChange={(e) => setLink(e.currentTarget.value)} />
        ) : null}
        {mode !== 'online' ? (
          <TextInput label={t('groups:meeting.location')} value={location} onChange={(e) => setLocation(e.currentTarget.value)} />
        ) : null}
        {eventChoices.length ? (
          <Select
            label={t('groups:meeting.event')}
            description={t('groups:meeting.eventHint')}
            data={eventChoices}
            value={eventId}
            onChange={setEventId}
            clearable
          />
        ) : null}
        <Button onClick={() => save.mutate()} loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          {t('shell:common.save')}
        </Button>
      </Stack>
    </Card>
  );
}

function Thread({ slug, id }: { slug: string; id: string }) {
  const { t } = useTranslation(['groups']);
  const qc = useQueryClient();
  const fmt = useFormat();
  const [body, setBody] = useState('');
  const q = useQuery({
    queryKey: ['thread', id],
    queryFn: () =>
      api.get<{ posts: Array<{ id: string; authorName: string; html: string; createdAt: string }> }>(
        `/api/v1/groups/${slug}/threads/${id}`,
      ),
  });
  const send = useMutation({
    mutationFn: () => api.post(`/api/v1/groups/${slug}/threads/${id}/posts`, { body }),
    onSuccess: () => {
      setBody('');
      return qc.invalidateQueries({ queryKey: ['thread', id] });
    },
  });
  return (
    <Stack gap="xs">
      {(q.data?.posts ?? []).map((p) => (
        <Card key={p.id} withBorder padding="sm">
          <Text size="xs" c="dimmed">
            {p.authorName} · {fmt.dateTime(p.createdAt)}
          </Text>
          <SafeHtml html={p.html} />
        </Card>
      ))}
      <Textarea label={t('groups:reply')} value={body} onChange={(e) => setBody(e.currentTarget.value)} />
      <Button size="xs" onClick={() => send.mutate()} disabled={!body.trim()} style={{ alignSelf: 'flex-start' }}>
        {t('groups:send')}
      </Button>
    </Stack>
  );
}

function Members({ slug, editor }: { slug: string; editor: boolean }) {
  const { t } = useTranslation(['groups', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'member' | 'co_chair'>('member');
  const [direct, setDirect] = useState(false);
  const { data: me } = useMe();
  const staff = isStaff(me);
  const to = useLangPath();
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['members', slug], queryFn: () => api.get<Member[]>(`/api/v1/groups/${slug}/members`) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['members', slug] });
  const invite = useMutation({
    mutationFn: () => api.post(`/api/v1/groups/${slug}/invitations`, { email, role, direct: staff && direct }),
    onSuccess: () => {
      setEmail('');
      return refresh();
    },
    onError: notify.error,
  });
  // Removing someone, withdrawing an invitation and leaving are one request; leaving ends one's own access.
  const remove = useMutation({
    mutationFn: (m: Member) => api.delete(`/api/v1/groups/${slug}/members/${m.id}`),
    onSuccess: (_r, m) => {
      if (m.userId !== me?.user?.id) return refresh();
      qc.clear();
      navigate(to(`/groups/${slug}`));
    },
    onError: notify.error,
  });
  const removable = (m: Member) => m.userId !== me?.user?.id && editor && (m.role !== 'chair' || staff);
  const decide = useMutation({
    mutationFn: (v: { id: string; d: 'approve' | 'decline' }) => api.post(`/api/v1/groups/${slug}/members/${v.id}/${v.d}`),
    onSuccess: refresh,
    onError: notify.error,
  });
  return (
    <Stack>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shell:common.name')}</Table.Th>
            <Table.Th>{t('groups:memberOrgs')}</Table.Th>
            <Table.Th>{t('shell:common.status')}</Table.Th>
            <Table.Th>{t('shell:common.actions')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(q.data ?? []).map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>
                {m.name}{' '}
                {m.email ? (
                  <Text span size="xs" c="dimmed">
                    {m.email}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>{m.organizationName ? <LText value={m.organizationName} /> : '—'}</Table.Td>
              <Table.Td>
                {t(`groups:role.${m.role}`)} · {t(`groups:status.${m.status}`)}
              </Table.Td>
              <Table.Td>
                {editor && m.status === 'requested' ? (
                  <Group gap="xs">
                    <Button size="xs" onClick={() => decide.mutate({ id: m.id, d: 'approve' })}>
                      {t('groups:approve')}
                    </Button>
                    <Button size="xs" variant="default" onClick={() => decide.mutate({ id: m.id, d: 'decline' })}>
                      {t('groups:decline')}
                    </Button>
                  </Group>
                ) : null}
                {removable(m) && (m.status === 'active' || m.status === 'invited') ? (
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => window.confirm(t('groups:confirmRemove', { name: m.name })) && remove.mutate(m)}
                  >
                    {m.status === 'invited' ? t('groups:withdrawInvitation') : t('groups:removeMember')}
                  </Button>
                ) : null}
                {m.userId === me?.user?.id && m.status === 'active' ? (
                  <Button size="xs" variant="default" onClick={() => window.confirm(t('groups:confirmLeave')) && remove.mutate(m)}>
                    {t('groups:leave')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editor ? (
        <Group align="flex-end">
          <TextInput label={t('groups:inviteEmail')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <Select
            label={t('groups:roleLabel')}
            data={(['member', 'co_chair'] as const).map((r) => ({ value: r, label: t(`groups:role.${r}`) }))}
            value={role}
            onChange={(v) => v && setRole(v as 'member')}
            allowDeselect={false}
          />
          {staff ? (
            <Checkbox label={t('groups:addDirectly')} checked={direct} onChange={(e) => setDirect(e.currentTarget.checked)} mb={8} />
          ) : null}
          <Button onClick={() => invite.mutate()} disabled={!email}>
            {t('groups:invite')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

export function WorkspacePage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(['groups', 'shell']);
  const to = useLangPath();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const notify = useNotify();
  const fmt = useFormat();
  const q = useQuery({ queryKey: ['workspace', slug], queryFn: () => api.get<Workspace>(`/api/v1/groups/${slug}/workspace`) });
  const refresh = () => qc.invalidateQueries({ queryKey: ['workspace', slug] });
  const [docTitle, setDocTitle] = useState<LocalizedText>({});
  const [kind, setKind] = useState('consensus');
  const [planning, setPlanning] = useState(false);
  const [threadTitle, setThreadTitle] = useState('');
  const [threadBody, setThreadBody] = useState('');
  const [openThread, setOpenThread] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => api.post<{ id: string }>(`/api/v1/groups/${slug}/documents`, { kind, title: docTitle, paragraphs: [] }),
    onSuccess: (d) => navigate(to(`/documents/${d.id}?edit=1`)),
    onError: notify.error,
  });
  const newThread = useMutation({
    mutationFn: () => api.post(`/api/v1/groups/${slug}/threads`, { title: threadTitle, body: threadBody }),
    onSuccess: () => {
      setThreadTitle('');
      setThreadBody('');
      return refresh();
    },
    onError: notify.error,
  });
  const uploadMinutes = useMutation({
    mutationFn: (v: { id: string; file: File }) => api.upload(`/api/v1/groups/${slug}/meetings/${v.id}/minutes`, v.file, 'PUT'),
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
        <Anchor component={Link} to={to(`/groups/${slug}`)}>
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
                <Anchor component={Link} to={to(`/documents/${d.id}`)}>
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
                    data={(['report', 'consensus', 'initiative', 'proposal'] as const).map((k) => ({
                      value: k,
                      label: t(`groups:kind.${k}`),
                    }))}
                    value={kind}
                    onChange={(v) => v && setKind(v)}
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
                    <Anchor component={Link} to={to(`/events/${m.event.slug}`)} data-testid="meeting-event">
                      <LText value={m.event.name} />
                    </Anchor>
                  </Text>
                ) : null}
                {m.minutesHtml ? <SafeHtml html={m.minutesHtml} /> : null}
                {m.minutesFile ? (
                  <Anchor href={`/api/v1/groups/${slug}/meetings/${m.id}/minutes`} size="sm">
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
