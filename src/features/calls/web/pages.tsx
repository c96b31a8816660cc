import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, qs } from '../../../web/api';
import { ErrorAlert, useCountryName, useNotify } from '../../../web/components/forms';
import { prefixOf, useLocale, type LocalizedText } from '../../../web/i18n';
import { useMe } from '../../../web/session';
import { LText, useLocalized } from '../../../web/localized';
import type { FormField, Option } from '../form';
import { CallBuilder } from './Builder';
import { FormRenderer } from './FormRenderer';

export interface CallView {
  id: string;
  kind: string;
  year: number;
  title: LocalizedText;
  rules: LocalizedText;
  opensAt: string;
  closesAt: string;
  closesAtLocal: string;
  timeZone: string;
  isOpen: boolean;
  published: boolean;
  allowNominations: boolean;
  allowEdit: boolean;
  reviewsPerSubmission: number;
  categories: Option[];
  rounds: Option[];
  form: FormField[];
}

interface Submission {
  id: string;
  callId: string;
  code: string;
  status: 'draft' | 'submitted' | 'withdrawn';
  title: LocalizedText;
  category: string | null;
  answers: Record<string, unknown>;
  decision: string | null;
  submittedAt: string | null;
  screening?: string;
  screeningReason?: string | null;
  eligibilityProblems?: string[];
  countryCode?: string | null;
}

const useCall = (id: string | undefined) =>
  useQuery({ queryKey: ['call', id], queryFn: () => api.get<CallView>(`/api/v1/calls/${id}`), enabled: !!id });

// ---------------------------------------------------------------- public

export function CallsPage() {
  const { t } = useTranslation(['calls']);
  const locale = useLocale();
  const { data } = useQuery({ queryKey: ['calls'], queryFn: () => api.get<CallView[]>('/api/v1/calls') });
  return (
    <Stack>
      <Title order={1}>{t('calls:nav.calls')}</Title>
      {data && !data.length ? <Text>{t('calls:call.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {(data ?? []).map((c) => (
          <Card key={c.id} withBorder component={Link} to={`/${prefixOf[locale]}/calls/${c.id}`}>
            <Group justify="space-between">
              <Text fw={600}>
                <LText value={c.title} /> · {c.year}
              </Text>
              <Badge color={c.isOpen ? 'green' : 'gray'}>{c.isOpen ? t('calls:call.open') : t('calls:call.closed')}</Badge>
            </Group>
            <Text size="sm" c="dimmed">
              {t('calls:call.closes', { when: c.closesAtLocal })}
            </Text>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}

export function CallPage() {
  const { id } = useParams();
  const { t } = useTranslation(['calls']);
  const { data: c, error } = useCall(id);
  const navigate = useNavigate();
  const notify = useNotify();
  const loc = useLocalized();
  const start = useMutation({
    mutationFn: () => api.post<Submission>(`/api/v1/calls/${id}/submissions`, { answers: {} }),
    onSuccess: (s) => navigate(`/my/submissions/${s.id}`),
    onError: (e) =>
      e instanceof ApiError && e.status === 401 ? navigate(`/signin?next=${encodeURIComponent(location.pathname)}`) : notify.error(e),
  });
  if (error) return <ErrorAlert error={error} />;
  if (!c) return null;
  return (
    <Stack>
      <Title order={1}>
        <LText value={c.title} /> · {c.year}
      </Title>
      <Group>
        <Badge color={c.isOpen ? 'green' : 'gray'}>{c.isOpen ? t('calls:call.open') : t('calls:call.closed')}</Badge>
        <Text size="sm">{t('calls:call.closes', { when: c.closesAtLocal })}</Text>
      </Group>
      <Title order={2} size="h4">
        {t('calls:call.rules')}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>
        <LText value={c.rules} />
      </Text>
      {c.categories.length ? (
        <>
          <Title order={2} size="h4">
            {t('calls:call.categories')}
          </Title>
          <Group>
            {c.categories.map((o) => (
              <Badge key={o.value} variant="light">
                {loc(o.label).text}
              </Badge>
            ))}
          </Group>
        </>
      ) : null}
      {c.isOpen ? (
        <Button w="fit-content" onClick={() => start.mutate()} loading={start.isPending} data-testid="apply">
          {t('calls:call.apply')}
        </Button>
      ) : null}
      {c.isOpen && c.allowNominations ? <Nominate callId={c.id} /> : null}
    </Stack>
  );
}

/** An organization's contact (or staff) nominates a person, who then completes the application. */
function Nominate({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls']);
  const { data: me } = useMe();
  const notify = useNotify();
  const orgs = (me?.user?.scopes ?? []).filter((s) => s.role === 'org_contact' && s.scopeType === 'organization').map((s) => s.scopeId);
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const nominate = useMutation({
    mutationFn: () => api.post(`/api/v1/calls/${callId}/nominations`, { organizationId: orgs[0], name, email }),
    onSuccess: () => {
      setName('');
      setEmail('');
      notify.ok(t('calls:call.nominated'));
    },
    onError: notify.error,
  });
  if (!orgs.length) return null;
  return (
    <Card withBorder maw={600}>
      <Title order={2} size="h4">
        {t('calls:call.nominate')}
      </Title>
      <Group align="end">
        <TextInput label={t('calls:form.name')} value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <TextInput label={t('calls:form.email')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
        <Button onClick={() => nominate.mutate()} disabled={!name || !email}>
          {t('calls:call.nominate')}
        </Button>
      </Group>
    </Card>
  );
}

// ---------------------------------------------------------------- applicant

export function MySubmissionsPage() {
  const { t } = useTranslation(['calls']);
  const { data } = useQuery({ queryKey: ['my-submissions'], queryFn: () => api.get<Submission[]>('/api/v1/my/submissions') });
  return (
    <Stack>
      <Title order={1}>{t('calls:nav.mine')}</Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('calls:form.code')}</Table.Th>
            <Table.Th>{t('calls:form.name')}</Table.Th>
            <Table.Th>{t('calls:form.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data ?? []).map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <Link to={`/my/submissions/${s.id}`}>{s.code}</Link>
              </Table.Td>
              <Table.Td>
                <LText value={s.title} />
              </Table.Td>
              <Table.Td>{t(`calls:status.${s.decision ?? s.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function SubmissionPage() {
  const { id } = useParams();
  const { t } = useTranslation(['calls', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const loc = useLocalized();
  const { data: s, error } = useQuery({ queryKey: ['submission', id], queryFn: () => api.get<Submission>(`/api/v1/submissions/${id}`) });
  const { data: c } = useCall(s?.callId);
  const { data: fb } = useQuery({
    queryKey: ['feedback', id],
    queryFn: () => api.get<{ decision: string | null; comments: string[] }>(`/api/v1/submissions/${id}/feedback`),
    enabled: !!s,
  });
  const [answers, setAnswers] = useState<Record<string, unknown> | null>(null);
  const [category, setCategory] = useState<string | null | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [fileNames, setFileNames] = useState<Record<string, string>>({});
  const a = answers ?? s?.answers ?? {};
  const cat = category === undefined ? (s?.category ?? null) : category;
  const onErr = (e: unknown) => {
    if (e instanceof ApiError && e.errors.length) setErrors(Object.fromEntries(e.errors.map((x) => [x.path, x.message])));
    notify.error(e);
  };
  const save = useMutation({
    mutationFn: () => api.put<Submission>(`/api/v1/submissions/${id}`, { answers: a, category: cat }),
    onSuccess: (x) => {
      setErrors({});
      qc.setQueryData(['submission', id], x);
      notify.ok(t('calls:form.saved'));
    },
    onError: onErr,
  });
  const submit = useMutation({
    mutationFn: async () => {
      await api.put(`/api/v1/submissions/${id}`, { answers: a, category: cat });
      return api.post<Submission>(`/api/v1/submissions/${id}/submit`);
    },
    onSuccess: (x) => {
      setErrors({});
      qc.setQueryData(['submission', id], x);
      notify.ok(t('calls:form.submitted'));
    },
    onError: onErr,
  });
  const withdraw = useMutation({
    mutationFn: () => api.post<Submission>(`/api/v1/submissions/${id}/withdraw`),
    onSuccess: (x) => qc.setQueryData(['submission', id], x),
    onError: onErr,
  });
  const upload = async (key: string, file: File) => {
    try {
      const r = await api.upload<{ fileId: string; name: string }>(`/api/v1/submissions/${id}/files`, file);
      setFileNames((m) => ({ ...m, [r.fileId]: r.name }));
      setAnswers({ ...a, [key]: r.fileId });
    } catch (e) {
      onErr(e);
    }
  };
  if (error) return <ErrorAlert error={error} />;
  if (!s || !c) return null;
  const locked = s.status === 'withdrawn' || !c.isOpen;
  return (
    <Stack maw={900}>
      <Title order={1}>
        <LText value={c.title} />
      </Title>
      <Group>
        <Badge size="lg" variant="outline" data-testid="submission-code">
          {s.code}
        </Badge>
        <Badge data-testid="submission-status">{t(`calls:status.${s.status}`)}</Badge>
        {s.decision ? <Badge color="green">{t(`calls:status.${s.decision}`)}</Badge> : null}
        <Text size="sm">{t('calls:call.closes', { when: c.closesAtLocal })}</Text>
      </Group>
      {fb?.comments.length ? (
        <Alert title={t('calls:form.feedback')}>
          {fb.comments.map((x, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
            <Text key={i}>{x}</Text>
          ))}
        </Alert>
      ) : null}
      {c.categories.length ? (
        <Select
          name="category"
          label={t('calls:form.category')}
          required
          data={c.categories.map((o) => ({ value: o.value, label: loc(o.label).text }))}
          value={cat}
          onChange={setCategory}
          error={errors.category}
          disabled={locked}
        />
      ) : null}
      <FormRenderer
        form={c.form}
        answers={a}
        onChange={setAnswers}
        errors={errors}
        onUpload={upload}
        fileNames={fileNames}
        disabled={locked}
      />
      {!locked ? (
        <Group>
          <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} data-testid="save">
            {t('calls:form.save')}
          </Button>
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="submit">
            {t('calls:form.submit')}
          </Button>
          {s.status !== 'withdrawn' ? (
            <Button variant="default" onClick={() => withdraw.mutate()}>
              {t('calls:form.withdraw')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}

// ---------------------------------------------------------------- staff

/** The UTC offset of a time zone on a day, e.g. +08:00 for Asia/Shanghai (so a date means that zone's midnight). */
function offsetOf(timeZone: string, day: string) {
  const name =
    new Intl.DateTimeFormat('en', { timeZone, timeZoneName: 'longOffset' })
      .formatToParts(new Date(`${day}T12:00:00Z`))
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-]\d{2}):?(\d{2})?/.exec(name);
  return m ? `${m[1]}:${m[2] ?? '00'}` : '+00:00';
}
const zones = [
  'Asia/Shanghai',
  'UTC',
  'Europe/Madrid',
  'Europe/London',
  'America/New_York',
  'America/Sao_Paulo',
  'Africa/Nairobi',
  'Asia/Singapore',
  'Australia/Sydney',
];

interface Template {
  kind: string;
  title: LocalizedText;
}

export function AdminCallsPage() {
  const { t } = useTranslation(['calls', 'shell']);
  const navigate = useNavigate();
  const notify = useNotify();
  const { data } = useQuery({ queryKey: ['calls'], queryFn: () => api.get<CallView[]>('/api/v1/calls') });
  const { data: templates } = useQuery({ queryKey: ['call-templates'], queryFn: () => api.get<Template[]>('/api/v1/calls/templates') });
  const loc = useLocalized();
  const [open, setOpen] = useState(false);
  const now = new Date();
  const [draft, setDraft] = useState({
    timeZone: 'Asia/Shanghai',
    template: 'practice-case',
    year: now.getFullYear() + 1,
    opensAt: now.toISOString().slice(0, 10),
    closesAt: new Date(now.getTime() + 60 * 86400_000).toISOString().slice(0, 10),
    published: true,
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<CallView>('/api/v1/calls', {
        template: draft.template,
        year: draft.year,
        opensAt: `${draft.opensAt}T00:00:00${offsetOf(draft.timeZone, draft.opensAt)}`,
        closesAt: `${draft.closesAt}T23:59:00${offsetOf(draft.timeZone, draft.closesAt)}`,
        timeZone: draft.timeZone,
        published: draft.published,
      }),
    onSuccess: (c) => navigate(`/admin/calls/${c.id}`),
    onError: notify.error,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('calls:admin.title')}</Title>
        <Button onClick={() => setOpen(true)} data-testid="new-call">
          {t('calls:admin.new')}
        </Button>
      </Group>
      <Table>
        <Table.Tbody>
          {(data ?? []).map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Link to={`/admin/calls/${c.id}`}>
                  <LText value={c.title} />
                </Link>
              </Table.Td>
              <Table.Td>{c.year}</Table.Td>
              <Table.Td>{c.kind}</Table.Td>
              <Table.Td>{c.isOpen ? t('calls:call.open') : t('calls:call.closed')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('calls:admin.new')}>
        <Stack>
          <Select
            name="template"
            label={t('calls:admin.template')}
            data={(templates ?? []).map((x) => ({ value: x.kind, label: loc(x.title).text }))}
            value={draft.template}
            onChange={(v) => v && setDraft({ ...draft, template: v })}
            allowDeselect={false}
          />
          <NumberInput
            name="year"
            label={t('calls:admin.year')}
            value={draft.year}
            onChange={(v) => setDraft({ ...draft, year: Number(v) })}
          />
          <TextInput
            name="opensAt"
            type="date"
            label={t('calls:admin.opensAt')}
            value={draft.opensAt}
            onChange={(e) => setDraft({ ...draft, opensAt: e.currentTarget.value })}
          />
          <TextInput
            name="closesAt"
            type="date"
            label={t('calls:admin.closesAt')}
            value={draft.closesAt}
            onChange={(e) => setDraft({ ...draft, closesAt: e.currentTarget.value })}
          />
          <Select
            name="timeZone"
            label={t('calls:admin.timeZone')}
            data={zones}
            value={draft.timeZone}
            onChange={(v) => v && setDraft({ ...draft, timeZone: v })}
            allowDeselect={false}
            searchable
          />
          <Checkbox
            label={t('calls:admin.published')}
            checked={draft.published}
            onChange={(e) => setDraft({ ...draft, published: e.currentTarget.checked })}
          />
          <ErrorAlert error={create.error} />
          <Button onClick={() => create.mutate()} loading={create.isPending} data-testid="create-call">
            {t('calls:admin.create')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface Ranked {
  submission: string;
  code: string;
  title: LocalizedText;
  countryCode: string | null;
  raw: number;
  normalized: number;
  spread: number;
  reviews: number;
  decision: string | null;
}

// Answers of the review API read by the staff pages (the fields used here).
interface ReviewRow {
  round: number;
  reviewerId: string;
  reviewerName: string;
  status: string;
  total: number | null;
  commentCommittee: string | null;
  commentApplicant: string | null;
}
interface DiscussionEntry {
  id: string;
  authorName: string;
  body: string;
}
interface PoolReviewer {
  id: string;
  name: string;
  email: string | null;
  expertise: string[];
  capacity: number;
  round: number;
  status: string;
}
interface AssignmentRow {
  id: string;
  submissionId: string;
  code: string;
  reviewerId: string;
  reviewerName: string;
  pinned: boolean;
  reviewStatus: string | null;
  total: number | null;
}
interface Picked {
  submissionId: string;
  code: string;
  countryCode: string | null;
}

export function AdminCallPage() {
  const { id } = useParams();
  const { t } = useTranslation(['calls', 'shell']);
  const { data: c } = useCall(id);
  if (!c) return null;
  return (
    <Stack>
      <Title order={1}>
        <LText value={c.title} /> · {c.year}
      </Title>
      <Text size="sm" data-testid="call-id">
        {t('calls:call.closes', { when: c.closesAtLocal })}
      </Text>
      <Tabs defaultValue="submissions" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="settings">{t('calls:builder.tab')}</Tabs.Tab>
          <Tabs.Tab value="submissions">{t('calls:admin.submissions')}</Tabs.Tab>
          <Tabs.Tab value="reviewers">{t('calls:admin.reviewers')}</Tabs.Tab>
          <Tabs.Tab value="assignment">{t('calls:admin.assignment')}</Tabs.Tab>
          <Tabs.Tab value="ranking">{t('calls:admin.ranking')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="settings" pt="md">
          <CallBuilder call={c} />
        </Tabs.Panel>
        <Tabs.Panel value="submissions" pt="md">
          <SubmissionsTab callId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="reviewers" pt="md">
          <ReviewersTab callId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="assignment" pt="md">
          <AssignmentTab callId={c.id} />
        </Tabs.Panel>
        <Tabs.Panel value="ranking" pt="md">
          <RankingTab callId={c.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

function SubmissionsTab({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls']);
  const qc = useQueryClient();
  const notify = useNotify();
  const country = useCountryName();
  const { data } = useQuery({
    queryKey: ['call-subs', callId],
    queryFn: () => api.get<Submission[]>(`/api/v1/calls/${callId}/submissions`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['call-subs', callId] });
  const auto = useMutation({
    mutationFn: () => api.post(`/api/v1/calls/${callId}/auto-screen`),
    onSuccess: refresh,
    onError: notify.error,
  });
  const screen = useMutation({
    mutationFn: (x: { id: string; result: string; reason: string }) => api.post(`/api/v1/submissions/${x.id}/screening`, x),
    onSuccess: refresh,
    onError: notify.error,
  });
  const [shown, setShown] = useState<Submission | null>(null);
  return (
    <Stack>
      {shown ? <StaffSubmission s={shown} onClose={() => setShown(null)} /> : null}
      <Button w="fit-content" onClick={() => auto.mutate()} data-testid="auto-screen">
        {t('calls:admin.autoScreen')}
      </Button>
      <Table>
        <Table.Tbody>
          {(data ?? []).map((s) => (
            <Table.Tr key={s.id}>
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
                  <Group gap="xs">
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
    </Stack>
  );
}

/** Staff view of one entry: its answers, every review of every round (with the reviewer), the committee discussion. */
function StaffSubmission({ s, onClose }: { s: Submission; onClose: () => void }) {
  const { t } = useTranslation(['calls']);
  const loc = useLocalized();
  const { data: reviews } = useQuery({
    queryKey: ['sub-reviews', s.id],
    queryFn: () => api.get<ReviewRow[]>(`/api/v1/review/submissions/${s.id}/reviews`),
  });
  const { data: thread } = useQuery({
    queryKey: ['discussion', s.id],
    queryFn: () => api.get<DiscussionEntry[]>(`/api/v1/review/submissions/${s.id}/discussion`),
  });
  return (
    <Modal opened onClose={onClose} size="xl" title={s.code}>
      <Stack>
        <Title order={3}>
          <LText value={s.title} />
        </Title>
        {Object.entries(s.answers).map(([k, v]) => (
          <Text key={k} size="sm">
            <b>{k}</b>: {typeof v === 'object' && v && !Array.isArray(v) ? loc(v as LocalizedText).text : JSON.stringify(v)}
          </Text>
        ))}
        <Title order={4}>{t('calls:admin.reviews')}</Title>
        <Table>
          <Table.Tbody>
            {(reviews ?? []).map((r) => (
              <Table.Tr key={`${r.round}:${r.reviewerId}`}>
                <Table.Td>
                  {t('calls:admin.round')} {r.round}
                </Table.Td>
                <Table.Td>{r.reviewerName}</Table.Td>
                <Table.Td>{r.status}</Table.Td>
                <Table.Td>{r.total?.toFixed(2) ?? ''}</Table.Td>
                <Table.Td>{r.commentCommittee}</Table.Td>
                <Table.Td>{r.commentApplicant}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {(thread ?? []).map((m) => (
          <Text key={m.id} size="sm">
            <b>{m.authorName}</b>: {m.body}
          </Text>
        ))}
      </Stack>
    </Modal>
  );
}

function ReviewersTab({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [q, setQ] = useState('');
  const [personId, setPersonId] = useState<string | null>(null);
  const [tags, setTags] = useState('');
  const [capacity, setCapacity] = useState(10);
  const [round, setRound] = useState(1);
  const { data: pool } = useQuery({
    queryKey: ['pool', callId],
    queryFn: () => api.get<PoolReviewer[]>(`/api/v1/review/calls/${callId}/reviewers`),
  });
  const { data: found } = useQuery({
    queryKey: ['people-search', q],
    queryFn: () =>
      api.get<{ items: Array<{ id: string; name: string; email: string | null }> }>(`/api/v1/directory/people${qs({ q, pageSize: 20 })}`),
  });
  const invite = useMutation({
    mutationFn: () =>
      api.post(`/api/v1/review/calls/${callId}/reviewers`, {
        round,
        reviewers: [
          {
            personId,
            expertise: tags
              .split(/[,，]/)
              .map((x) => x.trim())
              .filter(Boolean),
            capacity,
          },
        ],
      }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pool', callId] }),
    onError: notify.error,
  });
  const remove = useMutation({
    mutationFn: (reviewerId: string) => api.delete(`/api/v1/review/calls/${callId}/reviewers/${reviewerId}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['pool', callId] }),
    onError: (e) =>
      e instanceof ApiError && e.code === 'reviewer_has_reviews'
        ? notifications.show({ color: 'red', message: t('calls:admin.reviewerHasReviews') })
        : notify.error(e),
  });
  return (
    <Stack>
      <Group align="end">
        <Select
          label={t('calls:admin.person')}
          searchable
          onSearchChange={setQ}
          data={(found?.items ?? []).map((p) => ({ value: p.id, label: `${p.name} ${p.email ? `<${p.email}>` : ''}` }))}
          value={personId}
          onChange={setPersonId}
        />
        <TextInput label={t('calls:admin.expertise')} value={tags} onChange={(e) => setTags(e.currentTarget.value)} />
        <NumberInput label={t('calls:admin.capacity')} value={capacity} onChange={(v) => setCapacity(Number(v))} w={110} />
        <NumberInput label={t('calls:admin.round')} value={round} min={1} onChange={(v) => setRound(Number(v))} w={90} />
        <Button onClick={() => invite.mutate()} disabled={!personId}>
          {t('calls:admin.invite')}
        </Button>
      </Group>
      <Table>
        <Table.Tbody>
          {(pool ?? []).map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>{r.email}</Table.Td>
              <Table.Td>{r.expertise.join(', ')}</Table.Td>
              <Table.Td>{r.capacity}</Table.Td>
              <Table.Td>{r.round}</Table.Td>
              <Table.Td>{r.status}</Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  onClick={() => window.confirm(t('calls:admin.confirmRemoveReviewer', { name: r.name })) && remove.mutate(r.id)}
                >
                  {t('calls:admin.removeReviewer')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function AssignmentTab({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [round, setRound] = useState(1);
  const { data: list } = useQuery({
    queryKey: ['assignments', callId, round],
    queryFn: () => api.get<AssignmentRow[]>(`/api/v1/review/calls/${callId}/assignments?round=${round}`),
  });
  const { data: progress } = useQuery({
    queryKey: ['progress', callId, round],
    queryFn: () =>
      api.get<{ reviewers: Array<{ reviewerId: string; name: string; assigned: number; submitted: number }> }>(
        `/api/v1/review/calls/${callId}/progress?round=${round}`,
      ),
  });
  const run = useMutation({
    mutationFn: () => api.post<{ pairs: number; objective: number }>(`/api/v1/review/calls/${callId}/assign`, { round }),
    onSuccess: (r) => {
      notify.ok(t('calls:admin.assigned', r));
      void qc.invalidateQueries({ queryKey: ['assignments', callId] });
      void qc.invalidateQueries({ queryKey: ['progress', callId] });
    },
    onError: notify.error,
  });
  const remind = useMutation({
    mutationFn: () => api.post(`/api/v1/review/calls/${callId}/reminders`),
    onSuccess: () => notify.ok(),
    onError: notify.error,
  });
  const pair = useMutation({
    mutationFn: (x: { submissionId: string; reviewerId: string; action: 'pin' | 'forbid' | 'clear' }) =>
      api.post(`/api/v1/review/calls/${callId}/pairs`, x),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['assignments', callId] }),
    onError: notify.error,
  });
  return (
    <Stack>
      <Group align="end">
        <NumberInput label={t('calls:admin.round')} value={round} min={1} onChange={(v) => setRound(Number(v))} w={90} />
        <Button onClick={() => run.mutate()} loading={run.isPending} data-testid="run-assign">
          {t('calls:admin.runAssign')}
        </Button>
        <Button variant="default" onClick={() => remind.mutate()}>
          {t('calls:admin.remind')}
        </Button>
      </Group>
      <ErrorAlert error={run.error} />
      <Title order={3}>{t('calls:admin.progress')}</Title>
      <Table>
        <Table.Tbody>
          {(progress?.reviewers ?? []).map((r) => (
            <Table.Tr key={r.reviewerId}>
              <Table.Td>{r.name}</Table.Td>
              <Table.Td>
                {r.submitted} / {r.assigned}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Table>
        <Table.Tbody>
          {(list ?? []).map((a) => (
            <Table.Tr key={a.id}>
              <Table.Td>{a.code}</Table.Td>
              <Table.Td>{a.reviewerName}</Table.Td>
              <Table.Td>{a.pinned ? t('calls:admin.pinned') : ''}</Table.Td>
              <Table.Td>{a.reviewStatus ?? '—'}</Table.Td>
              <Table.Td>{a.total?.toFixed(2) ?? ''}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() =>
                      pair.mutate({ submissionId: a.submissionId, reviewerId: a.reviewerId, action: a.pinned ? 'clear' : 'pin' })
                    }
                  >
                    {a.pinned ? t('calls:admin.unpin') : t('calls:admin.pin')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => pair.mutate({ submissionId: a.submissionId, reviewerId: a.reviewerId, action: 'forbid' })}
                  >
                    {t('calls:admin.forbid')}
                  </Button>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function RankingTab({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [round, setRound] = useState(1);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [n, setN] = useState(13);
  const [cap, setCap] = useState<number | ''>('');
  const [mins, setMins] = useState('');
  const { data } = useQuery({
    queryKey: ['ranking', callId, round],
    queryFn: () => api.get<Ranked[]>(`/api/v1/review/calls/${callId}/ranking?round=${round}`),
  });
  const decide = useMutation({
    mutationFn: () =>
      api.post(`/api/v1/review/calls/${callId}/decisions`, {
        decisions: Object.entries(choice).map(([submissionId, decision]) => ({ submissionId, decision })),
        notify: true,
      }),
    onSuccess: () => {
      notify.ok();
      void qc.invalidateQueries({ queryKey: ['ranking', callId] });
    },
    onError: notify.error,
  });
  const [topN, setTopN] = useState<number | ''>('');
  const advance = useMutation({
    mutationFn: () =>
      api.post<{ round: number; advanced: unknown[] }>(`/api/v1/review/calls/${callId}/advance`, {
        fromRound: round,
        topN: topN === '' ? undefined : topN,
        by: 'normalized',
      }),
    onSuccess: (r) => notify.ok(t('calls:admin.advanced', { n: r.advanced.length, round: r.round })),
    onError: notify.error,
  });
  const publish = useMutation({
    mutationFn: () => api.post<{ published: number }>(`/api/v1/showcase/calls/${callId}/publish`, {}),
    onSuccess: (r) => notify.ok(t('calls:admin.published_n', { n: r.published })),
    onError: notify.error,
  });
  const preview = useMutation({
    mutationFn: () =>
      api.post<{ pure: Picked[]; constrained: Picked[]; added: Picked[]; removed: Picked[] }>(
        `/api/v1/review/calls/${callId}/selection-preview`,
        {
          round,
          n,
          capPerCountry: cap === '' ? undefined : cap,
          minPerContinent: Object.fromEntries(
            mins
              .split(/[,，]/)
              .map((x) => x.split('=').map((y) => y.trim()))
              .filter((x) => x.length === 2 && x[0])
              .map(([k, v]) => [k, Number(v)]),
          ),
        },
      ),
    onError: notify.error,
  });
  return (
    <Stack>
      <NumberInput label={t('calls:admin.round')} value={round} min={1} onChange={(v) => setRound(Number(v))} w={90} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('calls:form.code')}</Table.Th>
            <Table.Th>{t('calls:form.name')}</Table.Th>
            <Table.Th>{t('calls:admin.raw')}</Table.Th>
            <Table.Th>{t('calls:admin.normalized')}</Table.Th>
            <Table.Th>{t('calls:admin.spread')}</Table.Th>
            <Table.Th>{t('calls:admin.reviews')}</Table.Th>
            <Table.Th>{t('calls:form.decision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data ?? []).map((r, i) => (
            <Table.Tr key={r.submission}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{r.code}</Table.Td>
              <Table.Td>
                <LText value={r.title} />
              </Table.Td>
              <Table.Td>{r.raw.toFixed(2)}</Table.Td>
              <Table.Td>{r.normalized.toFixed(2)}</Table.Td>
              <Table.Td>{r.spread.toFixed(2)}</Table.Td>
              <Table.Td>{r.reviews}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t('calls:form.decision')} ${r.code}`}
                  data-testid={`decision-${r.code}`}
                  data={(['selected', 'shortlisted', 'not_selected'] as const).map((d) => ({ value: d, label: t(`calls:status.${d}`) }))}
                  value={choice[r.submission] ?? r.decision}
                  onChange={(v) => v && setChoice({ ...choice, [r.submission]: v })}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button onClick={() => decide.mutate()} disabled={!Object.keys(choice).length} data-testid="decide">
          {t('calls:admin.decide')}
        </Button>
        <Button variant="light" onClick={() => publish.mutate()} data-testid="publish">
          {t('calls:admin.publish')}
        </Button>
        <NumberInput
          aria-label={t('calls:admin.n')}
          placeholder={t('calls:admin.n')}
          value={topN}
          min={1}
          onChange={(v) => setTopN(v === '' ? '' : Number(v))}
          w={110}
        />
        <Button variant="default" onClick={() => advance.mutate()} disabled={topN === ''}>
          {t('calls:admin.advance')}
        </Button>
      </Group>
      <Card withBorder>
        <Group align="end">
          <NumberInput label={t('calls:admin.n')} value={n} min={1} onChange={(v) => setN(Number(v))} w={100} />
          <NumberInput label={t('calls:admin.cap')} value={cap} min={1} onChange={(v) => setCap(v === '' ? '' : Number(v))} w={140} />
          <TextInput label={t('calls:admin.minContinent')} value={mins} onChange={(e) => setMins(e.currentTarget.value)} w={320} />
          <Button variant="default" onClick={() => preview.mutate()}>
            {t('calls:admin.preview')}
          </Button>
        </Group>
        {preview.data ? (
          <SimpleGrid cols={2} mt="md">
            <div>
              <Text fw={600}>{t('calls:admin.pure')}</Text>
              {preview.data.pure.map((x) => (
                <Text key={x.submissionId}>
                  {x.code} ({x.countryCode})
                </Text>
              ))}
            </div>
            <div>
              <Text fw={600}>{t('calls:admin.constrained')}</Text>
              {preview.data.constrained.map((x) => (
                <Text key={x.submissionId}>
                  {x.code} ({x.countryCode})
                </Text>
              ))}
            </div>
            <Text size="sm" c="dimmed">
              {t('calls:admin.changed', {
                added: preview.data.added.map((x) => x.code).join(', ') || '—',
                removed: preview.data.removed.map((x) => x.code).join(', ') || '—',
              })}
            </Text>
          </SimpleGrid>
        ) : null}
      </Card>
    </Stack>
  );
}
