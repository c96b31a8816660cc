import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  Modal,
  NumberInput,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Tabs,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { api, ApiError, download, qs } from '../../../web/api';
import { CountrySelect, ErrorAlert, useCountryName, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { prefixOf, useLocale, type LocalizedText } from '../../../web/i18n';
import { LText, useLocalized } from '../../../web/localized';
import { hasScope, isStaff, RequireAuth, useMe } from '../../../web/session';
import { ManagersTab } from './managers';

interface Category {
  key: string;
  name: LocalizedText;
  color: string;
  invitationOnly: boolean;
  attendance: Array<'on-site' | 'online'>;
}
interface FormField {
  key: string;
  label: LocalizedText;
  type: 'text' | 'textarea' | 'select' | 'date' | 'country' | 'checkbox';
  required: boolean;
  options?: Array<{ value: string; label: LocalizedText }>;
  showIf?: { field: string; equals: string | boolean };
}
export interface EventT {
  id: string;
  slug: string;
  kind: string;
  name: LocalizedText;
  theme: LocalizedText;
  description: LocalizedText;
  startDate: string;
  endDate: string;
  timeZone: string;
  city: LocalizedText;
  mode: string;
  visibility: string;
  status: string;
  registrationOpen: boolean;
  categories: Category[];
  formFields: FormField[];
}
interface SessionT {
  id: string;
  kind: string;
  title: LocalizedText;
  description: LocalizedText;
  theme: string | null;
  language: string | null;
  startsAt: string;
  endsAt: string;
  roomId: string | null;
  roomName: LocalizedText | null;
  capacity: number | null;
  confirmed: number;
  waiting: number;
  people: Array<{ personId: string; name: string; nameLatin: string | null; role: string }>;
}
interface Room {
  id: string;
  name: LocalizedText;
  capacity: number;
}
interface Registration {
  id: string;
  eventId: string;
  category: string;
  attendance: string;
  status: string;
  reason: string | null;
  name: string;
  nameLatin: string | null;
  organization: string | null;
  countryCode: string | null;
  email: string;
  accessUrl: string | null;
  signups: Array<{ sessionId: string; status: string; position: number | null }>;
}

/** Wall-clock time in a zone ("2023-11-08T09:30") → ISO instant with offset. */
export function localToIso(local: string, tz: string) {
  const guess = new Date(`${local}:00Z`);
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: tz,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    })
      .formatToParts(guess)
      .map((x) => [x.type, x.value]),
  );
  const shown = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour, +p.minute);
  return new Date(guess.getTime() - (shown - guess.getTime())).toISOString();
}
const dayIn = (d: string, tz: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date(d));

function useLang() {
  return prefixOf[useLocale()];
}

// Public pages

export function EventsPage() {
  const { t } = useTranslation(['events', 'shell']);
  const lang = useLang();
  const fmt = useFormat();
  const q = useQuery({ queryKey: ['events'], queryFn: () => api.get<EventT[]>('/api/v1/events') });
  const today = new Date().toISOString().slice(0, 10);
  const groups = [
    { title: t('events:list.upcoming'), items: (q.data ?? []).filter((e) => e.endDate >= today).reverse() },
    { title: t('events:list.past'), items: (q.data ?? []).filter((e) => e.endDate < today) },
  ];
  return (
    <Stack>
      <Title order={1}>{t('events:list.title')}</Title>
      <ErrorAlert error={q.error} />
      {q.data?.length === 0 && <Text>{t('events:list.empty')}</Text>}
      {groups.map((g) =>
        g.items.length ? (
          <Stack key={g.title} gap="xs">
            <Title order={2} size="h3">
              {g.title}
            </Title>
            <SimpleGrid cols={{ base: 1, md: 2 }}>
              {g.items.map((e) => (
                <Card key={e.id} withBorder component={Link} to={`/${lang}/events/${e.slug}`}>
                  <Text fw={600}>
                    <LText value={e.name} />
                  </Text>
                  <Text size="sm" c="gray.7">
                    {fmt.date(`${e.startDate}T12:00:00Z`)} – {fmt.date(`${e.endDate}T12:00:00Z`)} · <LText value={e.city} /> ·{' '}
                    {t(`events:kinds.${e.kind}`)}
                  </Text>
                </Card>
              ))}
            </SimpleGrid>
          </Stack>
        ) : null,
      )}
    </Stack>
  );
}

interface Agenda {
  event: EventT;
  days: string[];
  rooms: Room[];
  themes: string[];
  languages: string[];
  sessions: SessionT[];
}

function SessionCard({ s, zone, lang, slug }: { s: SessionT; zone: string; lang: string; slug: string }) {
  const { t } = useTranslation(['events']);
  const fmt = useFormat();
  return (
    <Card withBorder data-testid="session-card">
      <Group justify="space-between" align="flex-start">
        <div>
          <Text size="sm" c="gray.7">
            {fmt.time(s.startsAt, zone)} – {fmt.time(s.endsAt, zone)} · {t(`events:sessionKinds.${s.kind}`)}{' '}
            {s.roomName ? (
              <>
                · <LText value={s.roomName} />
              </>
            ) : null}
          </Text>
          <Anchor component={Link} to={`/${lang}/events/${slug}/sessions/${s.id}`} fw={600}>
            <LText value={s.title} />
          </Anchor>
          {s.people.length > 0 && (
            <Text size="sm">
              {s.people
                .map((p) => `${p.name}${p.nameLatin && p.nameLatin !== p.name ? ` (${p.nameLatin})` : ''} · ${t(`events:roles.${p.role}`)}`)
                .join('; ')}
            </Text>
          )}
        </div>
        {s.capacity != null && (
          <Badge color={s.confirmed >= s.capacity ? 'orange.9' : 'teal.9'} variant="filled">
            {s.confirmed >= s.capacity
              ? t('events:agenda.full')
              : t('events:agenda.seats', { confirmed: s.confirmed, capacity: s.capacity })}
          </Badge>
        )}
      </Group>
    </Card>
  );
}

export function EventPage() {
  const { slug } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const lang = useLang();
  const fmt = useFormat();
  const [filters, setFilters] = useState<{ day: string | null; room: string | null; theme: string | null; language: string | null }>({
    day: null,
    room: null,
    theme: null,
    language: null,
  });
  const [zoneMode, setZoneMode] = useState<'event' | 'mine'>('event');
  const q = useQuery({
    queryKey: ['agenda', slug, filters],
    queryFn: () => api.get<Agenda>(`/api/v1/events/${slug}/agenda${qs(filters)}`),
  });
  const localized = useLocalized();
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const { event: ev } = q.data;
  const zone = zoneMode === 'event' ? ev.timeZone : fmt.viewerZone;
  const byDay = new Map<string, SessionT[]>();
  for (const s of q.data.sessions) byDay.set(dayIn(s.startsAt, zone), [...(byDay.get(dayIn(s.startsAt, zone)) ?? []), s]);
  return (
    <Stack>
      <Title order={1}>
        <LText value={ev.name} />
      </Title>
      {ev.theme && (
        <Text fs="italic">
          <LText value={ev.theme} />
        </Text>
      )}
      <Text c="gray.7">
        {fmt.date(`${ev.startDate}T12:00:00Z`)} – {fmt.date(`${ev.endDate}T12:00:00Z`)} · <LText value={ev.city} /> ·{' '}
        {t(`events:modes.${ev.mode}`)}
      </Text>
      <Group>
        {ev.registrationOpen && (
          <Button component={Link} to={`/${lang}/events/${ev.slug}/register`}>
            {t('events:agenda.register')}
          </Button>
        )}
        <Button
          variant="default"
          component="a"
          href={`/api/v1/events/${ev.id}/calendar.ics?lang=${lang === 'en' ? 'en' : lang === 'zh-hans' ? 'zh-Hans' : 'zh-Hant'}`}
        >
          {t('events:agenda.calendar')}
        </Button>
      </Group>
      <Title order={2} size="h3">
        {t('events:agenda.title')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <Select
          label={t('events:agenda.day')}
          clearable
          data={q.data.days}
          value={filters.day}
          onChange={(v) => setFilters({ ...filters, day: v })}
        />
        <Select
          label={t('events:agenda.room')}
          clearable
          data={q.data.rooms.map((r) => ({ value: r.id, label: localized(r.name).text }))}
          value={filters.room}
          onChange={(v) => setFilters({ ...filters, room: v })}
        />
        <Select
          label={t('events:agenda.theme')}
          clearable
          data={q.data.themes}
          value={filters.theme}
          onChange={(v) => setFilters({ ...filters, theme: v })}
        />
        <Select
          label={t('events:agenda.language')}
          clearable
          data={q.data.languages}
          value={filters.language}
          onChange={(v) => setFilters({ ...filters, language: v })}
        />
      </SimpleGrid>
      <SegmentedControl
        value={zoneMode}
        onChange={(v) => setZoneMode(v as 'event' | 'mine')}
        data={[
          { value: 'event', label: t('events:agenda.zoneEvent', { zone: ev.timeZone }) },
          { value: 'mine', label: t('events:agenda.zoneMine', { zone: fmt.viewerZone }) },
        ]}
      />
      {[...byDay.entries()].map(([day, list]) => (
        <Stack key={day} gap="xs">
          <Title order={3} size="h4">
            {fmt.date(`${day}T12:00:00Z`)}
          </Title>
          {list.map((s) => (
            <SessionCard key={s.id} s={s} zone={zone} lang={lang} slug={ev.slug} />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

export function SessionPage() {
  const { id, slug } = useParams();
  const { t } = useTranslation(['events']);
  const fmt = useFormat();
  const lang = useLang();
  const ev = useQuery({ queryKey: ['event', slug], queryFn: () => api.get<EventT>(`/api/v1/events/${slug}`) });
  const s = useQuery({ queryKey: ['session', id], queryFn: () => api.get<SessionT>(`/api/v1/sessions/${id}`) });
  if (s.error || ev.error) return <ErrorAlert error={s.error ?? ev.error} />;
  if (!s.data || !ev.data) return null;
  return (
    <Stack>
      <Anchor component={Link} to={`/${lang}/events/${slug}`}>
        <LText value={ev.data.name} />
      </Anchor>
      <Title order={1}>
        <LText value={s.data.title} />
      </Title>
      <Text>
        {fmt.dateTime(s.data.startsAt, ev.data.timeZone)} · {fmt.dateTime(s.data.startsAt)} ({fmt.viewerZone})
      </Text>
      <Text>
        <LText value={s.data.description} />
      </Text>
      <Title order={2} size="h4">
        {t('events:agenda.speakers')}
      </Title>
      {s.data.people.map((p) => (
        <Text key={p.personId}>
          {p.name} {p.nameLatin && p.nameLatin !== p.name ? `(${p.nameLatin})` : ''} — {t(`events:roles.${p.role}`)}
        </Text>
      ))}
      <Anchor href={`/api/v1/sessions/${s.data.id}/calendar.ics`}>{t('events:agenda.calendar')}</Anchor>
    </Stack>
  );
}

function RegisterForm() {
  const { slug } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const localized = useLocalized();
  const navigate = useNavigate();
  const notify = useNotify();
  const me = useMe();
  const q = useQuery({ queryKey: ['agenda', slug, {}], queryFn: () => api.get<Agenda>(`/api/v1/events/${slug}/agenda`) });
  const [v, setV] = useState({
    category: 'delegate',
    attendance: 'on-site',
    name: '',
    nameLatin: '',
    organization: '',
    countryCode: null as string | null,
    stakeholderGroup: null as string | null,
  });
  const [answers, setAnswers] = useState<Record<string, string | boolean>>({});
  const [sessions, setSessions] = useState<string[]>([]);
  useEffect(() => {
    if (me.data?.user && !v.name) setV((x) => ({ ...x, name: me.data!.user!.name }));
  }, [me.data, v.name]);
  const submit = useMutation({
    mutationFn: () =>
      api.post<Registration>(`/api/v1/events/${q.data!.event.id}/registrations`, {
        ...v,
        nameLatin: v.nameLatin || null,
        organization: v.organization || null,
        answers,
        sessions,
      }),
    onSuccess: () => {
      notify.ok(t('events:form.done'));
      navigate('/me/registrations');
    },
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const ev = q.data.event;
  if (!ev.registrationOpen) return <Alert>{t('events:form.closed')}</Alert>;
  const cat = ev.categories.find((c) => c.key === v.category);
  const err = submit.error instanceof ApiError ? submit.error : null;
  const shown = ev.formFields.filter((f) => !f.showIf || answers[f.showIf.field] === f.showIf.equals);
  return (
    <Stack maw={720}>
      <Title order={1}>{t('events:form.title', { event: localized(ev.name).text })}</Title>
      <ErrorAlert error={submit.error} />
      <Select
        label={t('events:form.category')}
        data={ev.categories.map((c) => ({ value: c.key, label: localized(c.name).text }))}
        value={v.category}
        onChange={(x) => x && setV({ ...v, category: x, attendance: ev.categories.find((c) => c.key === x)!.attendance[0] })}
        allowDeselect={false}
      />
      <SegmentedControl
        aria-label={t('events:form.attendance')}
        value={v.attendance}
        onChange={(x) => setV({ ...v, attendance: x })}
        data={(cat?.attendance ?? ['on-site'])
          .filter((a) => ev.mode === 'hybrid' || (ev.mode === 'online') === (a === 'online'))
          .map((a) => ({ value: a, label: a === 'online' ? t('events:form.online') : t('events:form.onSite') }))}
      />
      <TextInput
        label={t('events:form.name')}
        required
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
        error={err?.field('name')}
      />
      <TextInput
        label={t('events:form.nameLatin')}
        value={v.nameLatin}
        onChange={(e) => setV({ ...v, nameLatin: e.currentTarget.value })}
      />
      <TextInput
        label={t('events:form.organization')}
        value={v.organization}
        onChange={(e) => setV({ ...v, organization: e.currentTarget.value })}
      />
      <CountrySelect label={t('events:form.country')} value={v.countryCode} onChange={(x) => setV({ ...v, countryCode: x })} />
      <Select
        label={t('events:form.group')}
        clearable
        data={[
          'government',
          'international-organization',
          'business',
          'technical-community',
          'civil-society',
          'academia',
          'individual',
        ].map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
        value={v.stakeholderGroup}
        onChange={(x) => setV({ ...v, stakeholderGroup: x })}
      />
      {shown.map((f) =>
        f.type === 'checkbox' ? (
          <Checkbox
            key={f.key}
            label={localized(f.label).text}
            checked={answers[f.key] === true}
            onChange={(e) => setAnswers({ ...answers, [f.key]: e.currentTarget.checked })}
          />
        ) : f.type === 'select' ? (
          <Select
            key={f.key}
            label={localized(f.label).text}
            required={f.required}
            data={(f.options ?? []).map((o) => ({ value: o.value, label: localized(o.label).text }))}
            value={(answers[f.key] as string) ?? null}
            onChange={(x) => setAnswers({ ...answers, [f.key]: x ?? '' })}
            error={err?.field(f.key)}
          />
        ) : f.type === 'country' ? (
          <CountrySelect
            key={f.key}
            label={localized(f.label).text}
            required={f.required}
            value={(answers[f.key] as string) ?? null}
            onChange={(x) => setAnswers({ ...answers, [f.key]: x ?? '' })}
            error={err?.field(f.key)}
          />
        ) : (
          <TextInput
            key={f.key}
            type={f.type === 'date' ? 'date' : 'text'}
            label={localized(f.label).text}
            required={f.required}
            value={(answers[f.key] as string) ?? ''}
            onChange={(e) => setAnswers({ ...answers, [f.key]: e.currentTarget.value })}
            error={err?.field(f.key)}
          />
        ),
      )}
      <Title order={2} size="h4">
        {t('events:form.sessions')}
      </Title>
      {q.data.sessions
        .filter((s) => s.capacity != null)
        .map((s) => (
          <Checkbox
            key={s.id}
            label={`${localized(s.title).text}${s.confirmed >= s.capacity! ? ` — ${t('events:agenda.full')}` : ''}`}
            checked={sessions.includes(s.id)}
            onChange={(e) => setSessions(e.currentTarget.checked ? [...sessions, s.id] : sessions.filter((x) => x !== s.id))}
          />
        ))}
      <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={submit.isPending}>
        {t('events:form.submit')}
      </Button>
    </Stack>
  );
}

export const RegisterPage = () => (
  <RequireAuth>
    <RegisterForm />
  </RequireAuth>
);

export function InvitationPage() {
  const { token } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const localized = useLocalized();
  const lang = useLang();
  const me = useMe();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const q = useQuery({
    queryKey: ['invitation', token],
    queryFn: () =>
      api.get<{ invitation: { status: string; name: string }; event: { slug: string; name: LocalizedText } }>(
        `/api/v1/invitations/${token}`,
      ),
  });
  const respond = useMutation({
    mutationFn: (accept: boolean) => api.post(`/api/v1/invitations/${token}/${accept ? 'accept' : 'decline'}`),
    onSuccess: (_r, accept) => {
      void qc.invalidateQueries({ queryKey: ['invitation', token] });
      if (accept) navigate(`/${lang}/events/${q.data!.event.slug}/register`);
    },
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const here = `/${lang}/invitations/${token}`;
  return (
    <Stack maw={640}>
      <Title order={1}>{t('events:invite.title')}</Title>
      <Text size="lg">{t('events:invite.to', { event: localized(q.data.event.name).text })}</Text>
      <ErrorAlert error={respond.error} />
      {q.data.invitation.status === 'declined' ? (
        <Alert>{t('events:invite.declined')}</Alert>
      ) : (
        <Group>
          {me.data?.user ? (
            <Button onClick={() => respond.mutate(true)}>{t('events:invite.accept')}</Button>
          ) : (
            <Button component={Link} to={`/signin?next=${encodeURIComponent(here)}`}>
              {t('events:invite.accept')}
            </Button>
          )}
          {q.data.invitation.status !== 'accepted' && (
            <Button variant="default" onClick={() => respond.mutate(false)}>
              {t('events:invite.decline')}
            </Button>
          )}
        </Group>
      )}
    </Stack>
  );
}

// Signed-in pages

export function MyRegistrationsPage() {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const regs = useQuery({ queryKey: ['my-registrations'], queryFn: () => api.get<Registration[]>('/api/v1/me/registrations') });
  const evs = useQuery({ queryKey: ['events'], queryFn: () => api.get<EventT[]>('/api/v1/events') });
  const agendaLink = useQuery({ queryKey: ['agenda-link'], queryFn: () => api.get<{ url: string }>('/api/v1/me/agenda-link') });
  const [sessionsOf, setSessionsOf] = useState<Record<string, SessionT[]>>({});
  useEffect(() => {
    for (const r of regs.data ?? [])
      if (!sessionsOf[r.eventId])
        void api.get<Agenda>(`/api/v1/events/${r.eventId}/agenda`).then((a) => setSessionsOf((m) => ({ ...m, [r.eventId]: a.sessions })));
  }, [regs.data, sessionsOf]);
  const refresh = () => qc.invalidateQueries({ queryKey: ['my-registrations'] });
  const act = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: refresh, onError: notify.error });
  return (
    <Stack>
      <Title order={1}>{t('events:mine.title')}</Title>
      <ErrorAlert error={regs.error} />
      {regs.data?.length === 0 && <Text>{t('events:mine.empty')}</Text>}
      {regs.data?.map((r) => {
        const ev = evs.data?.find((e) => e.id === r.eventId);
        const sessions = sessionsOf[r.eventId] ?? [];
        return (
          <Card key={r.id} withBorder data-testid="my-registration">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {ev ? <LText value={ev.name} /> : r.eventId}
              </Title>
              <Badge data-testid="registration-status">{t(`events:status.${r.status}`)}</Badge>
            </Group>
            {r.reason && <Text c="red">{t('events:mine.reason', { reason: r.reason })}</Text>}
            <Stack gap={4} mt="sm">
              {sessions
                .filter((s) => s.capacity != null)
                .map((s) => {
                  const su = r.signups.find((x) => x.sessionId === s.id);
                  return (
                    <Group key={s.id} justify="space-between" data-testid="my-session">
                      <Text>
                        <LText value={s.title} />{' '}
                        {su ? (
                          <Badge variant="filled" color={su.status === 'confirmed' ? 'teal.9' : 'orange.9'}>
                            {su.status === 'waitlisted'
                              ? t('events:mine.position', { position: su.position })
                              : t(`events:status.${su.status}`)}
                          </Badge>
                        ) : null}
                      </Text>
                      {r.status !== 'cancelled' &&
                        r.status !== 'rejected' &&
                        (su ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => act.mutate(() => api.delete(`/api/v1/registrations/${r.id}/sessions/${s.id}`))}
                          >
                            {t('events:mine.leave')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => act.mutate(() => api.post(`/api/v1/registrations/${r.id}/sessions`, { sessionId: s.id }))}
                          >
                            {t('events:mine.join')}
                          </Button>
                        ))}
                    </Group>
                  );
                })}
            </Stack>
            <Group mt="sm">
              {r.status === 'approved' && r.attendance === 'on-site' && (
                <>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => download(`/api/v1/registrations/${r.id}/badge.pdf`).catch(notify.error)}
                  >
                    {t('events:mine.badge')}
                  </Button>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => download(`/api/v1/registrations/${r.id}/visa-letter.pdf`).catch(notify.error)}
                  >
                    {t('events:mine.visa')}
                  </Button>
                </>
              )}
              {r.accessUrl && (
                <Button size="xs" component="a" href={r.accessUrl}>
                  {t('events:mine.access')}
                </Button>
              )}
              {r.status !== 'cancelled' && (
                <Button
                  size="xs"
                  color="red"
                  variant="subtle"
                  onClick={() =>
                    window.confirm(t('events:mine.confirmCancel')) && act.mutate(() => api.post(`/api/v1/registrations/${r.id}/cancel`))
                  }
                >
                  {t('events:mine.cancel')}
                </Button>
              )}
            </Group>
          </Card>
        );
      })}
      {agendaLink.data && (
        <Text size="sm">
          {t('events:mine.agendaLink')}: <Anchor href={agendaLink.data.url}>{agendaLink.data.url}</Anchor>
        </Text>
      )}
    </Stack>
  );
}

// Staff pages

export function AdminEventsPage() {
  const { t } = useTranslation(['events', 'shell']);
  const navigate = useNavigate();
  const q = useQuery({ queryKey: ['events'], queryFn: () => api.get<EventT[]>('/api/v1/events') });
  const { data: me } = useMe();
  const staff = isStaff(me);
  // An event manager runs only the events of their scope; the public list has the others.
  const managed = (q.data ?? []).filter((e) => staff || hasScope(me, 'event_manager', 'event', e.id));
  const [open, setOpen] = useState(false);
  const [v, setV] = useState({
    slug: '',
    nameEn: '',
    nameZh: '',
    kind: 'forum',
    startDate: '',
    endDate: '',
    timeZone: 'Asia/Shanghai',
    cityEn: '',
    mode: 'hybrid',
    visibility: 'public',
    registrationOpen: true,
  });
  const create = useMutation({
    mutationFn: () =>
      api.post<EventT>('/api/v1/events', {
        slug: v.slug,
        kind: v.kind,
        name: { en: v.nameEn || undefined, 'zh-Hans': v.nameZh || undefined },
        startDate: v.startDate,
        endDate: v.endDate,
        timeZone: v.timeZone,
        city: { en: v.cityEn || undefined },
        mode: v.mode,
        visibility: v.visibility,
        registrationOpen: v.registrationOpen,
      }),
    onSuccess: (ev) => navigate(`/admin/events/${ev.id}`),
  });
  const err = create.error instanceof ApiError ? create.error : null;
  const fmt = useFormat();
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('events:admin.events')}</Title>
        {staff ? <Button onClick={() => setOpen(true)}>{t('events:admin.newEvent')}</Button> : null}
      </Group>
      <Table>
        <Table.Tbody>
          {managed.map((e) => (
            <Table.Tr key={e.id}>
              <Table.Td>
                <Anchor component={Link} to={`/admin/events/${e.id}`}>
                  <LText value={e.name} />
                </Anchor>
              </Table.Td>
              <Table.Td>{fmt.date(`${e.startDate}T12:00:00Z`)}</Table.Td>
              <Table.Td>{t(`events:status.${e.status}`)}</Table.Td>
              <Table.Td>{t(`events:visibility.${e.visibility}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Modal opened={open} onClose={() => setOpen(false)} title={t('events:admin.newEvent')} size="lg">
        <Stack>
          <ErrorAlert error={create.error} />
          <TextInput
            label={t('events:admin.slug')}
            required
            value={v.slug}
            onChange={(e) => setV({ ...v, slug: e.currentTarget.value })}
            error={err?.field('slug')}
          />
          <TextInput
            label={`${t('events:admin.name')} (English)`}
            value={v.nameEn}
            onChange={(e) => setV({ ...v, nameEn: e.currentTarget.value })}
            error={err?.field('name')}
          />
          <TextInput
            label={`${t('events:admin.name')} (简体中文)`}
            value={v.nameZh}
            onChange={(e) => setV({ ...v, nameZh: e.currentTarget.value })}
          />
          <Select
            label={t('events:admin.kind')}
            data={Object.keys(t('events:kinds', { returnObjects: true }) as object).map((k) => ({
              value: k,
              label: t(`events:kinds.${k}`),
            }))}
            value={v.kind}
            onChange={(x) => x && setV({ ...v, kind: x })}
          />
          <Group grow>
            <TextInput
              type="date"
              label={t('events:admin.start')}
              required
              value={v.startDate}
              onChange={(e) => setV({ ...v, startDate: e.currentTarget.value })}
              error={err?.field('startDate')}
            />
            <TextInput
              type="date"
              label={t('events:admin.end')}
              required
              value={v.endDate}
              onChange={(e) => setV({ ...v, endDate: e.currentTarget.value })}
              error={err?.field('endDate')}
            />
          </Group>
          <TextInput
            label={t('events:admin.timeZone')}
            required
            value={v.timeZone}
            onChange={(e) => setV({ ...v, timeZone: e.currentTarget.value })}
            error={err?.field('timeZone')}
          />
          <TextInput label={t('events:admin.city')} value={v.cityEn} onChange={(e) => setV({ ...v, cityEn: e.currentTarget.value })} />
          <Select
            label={t('events:admin.mode')}
            data={['in-person', 'online', 'hybrid'].map((m) => ({ value: m, label: t(`events:modes.${m}`) }))}
            value={v.mode}
            onChange={(x) => x && setV({ ...v, mode: x })}
          />
          <Select
            label={t('events:admin.visibility')}
            data={['public', 'members', 'invitation'].map((m) => ({ value: m, label: t(`events:visibility.${m}`) }))}
            value={v.visibility}
            onChange={(x) => x && setV({ ...v, visibility: x })}
          />
          <Switch
            label={t('events:admin.registrationOpen')}
            checked={v.registrationOpen}
            onChange={(e) => setV({ ...v, registrationOpen: e.currentTarget.checked })}
          />
          <Button onClick={() => create.mutate()} loading={create.isPending}>
            {t('shell:common.create')}
          </Button>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ProgramTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const fmt = useFormat();
  const localized = useLocalized();
  const rooms = useQuery({ queryKey: ['rooms', ev.id], queryFn: () => api.get<Room[]>(`/api/v1/events/${ev.id}/rooms`) });
  const sessions = useQuery({ queryKey: ['agenda-admin', ev.id], queryFn: () => api.get<Agenda>(`/api/v1/events/${ev.id}/agenda`) });
  const conflicts = useQuery({
    queryKey: ['conflicts', ev.id],
    queryFn: () => api.get<Array<{ kind: string; message: string }>>(`/api/v1/events/${ev.id}/conflicts`),
  });
  const people = useQuery({
    queryKey: ['people-all'],
    queryFn: () =>
      api.get<{ items: Array<{ id: string; name: string; nameLatin: string | null }> }>('/api/v1/directory/people?pageSize=200'),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['rooms', ev.id] });
    void qc.invalidateQueries({ queryKey: ['agenda-admin', ev.id] });
    void qc.invalidateQueries({ queryKey: ['conflicts', ev.id] });
    void qc.invalidateQueries({ queryKey: ['event-admin', ev.id] });
  };
  const [room, setRoom] = useState({ name: '', capacity: 100 as number | string });
  const addRoom = useMutation({
    mutationFn: () => api.post(`/api/v1/events/${ev.id}/rooms`, { name: { en: room.name }, capacity: Number(room.capacity) }),
    onSuccess: () => {
      setRoom({ name: '', capacity: 100 });
      return refresh();
    },
    onError: notify.error,
  });
  const [s, setS] = useState({
    title: '',
    kind: 'sub-forum',
    start: `${ev.startDate}T09:00`,
    end: `${ev.startDate}T10:00`,
    roomId: null as string | null,
    capacity: '' as number | string,
    personId: null as string | null,
    role: 'speaker',
  });
  const addSession = useMutation({
    mutationFn: () =>
      api.post(`/api/v1/events/${ev.id}/sessions`, {
        kind: s.kind,
        title: { en: s.title },
        startsAt: localToIso(s.start, ev.timeZone),
        endsAt: localToIso(s.end, ev.timeZone),
        roomId: s.roomId,
        capacity: s.capacity === '' ? null : Number(s.capacity),
        people: s.personId ? [{ personId: s.personId, role: s.role }] : [],
      }),
    onSuccess: () => {
      setS({ ...s, title: '', capacity: '' });
      return refresh();
    },
  });
  const removeSession = useMutation({
    mutationFn: (sid: string) => api.delete(`/api/v1/sessions/${sid}`),
    onSuccess: refresh,
    onError: notify.error,
  });
  const toggle = useMutation({
    mutationFn: (open: boolean) => api.post(`/api/v1/events/${ev.id}/registration`, { open }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const publish = useMutation({
    mutationFn: (force: boolean) => api.post(`/api/v1/events/${ev.id}/publish`, { force }),
    onSuccess: () => {
      notify.ok(t('events:admin.published'));
      return refresh();
    },
    onError: notify.error,
  });
  const sErr = addSession.error instanceof ApiError ? addSession.error : null;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('events:admin.rooms')}
      </Title>
      {rooms.data?.map((r) => (
        <Text key={r.id}>
          <LText value={r.name} /> — {r.capacity}
        </Text>
      ))}
      <Group align="flex-end">
        <TextInput label={t('events:agenda.room')} value={room.name} onChange={(e) => setRoom({ ...room, name: e.currentTarget.value })} />
        <NumberInput label={t('events:admin.capacity')} min={1} value={room.capacity} onChange={(x) => setRoom({ ...room, capacity: x })} />
        <Button variant="light" onClick={() => addRoom.mutate()} disabled={!room.name}>
          {t('events:admin.addRoom')}
        </Button>
      </Group>
      <Title order={2} size="h4">
        {t('events:admin.sessions')}
      </Title>
      <Table>
        <Table.Tbody>
          {sessions.data?.sessions.map((x) => (
            <Table.Tr key={x.id} data-testid="admin-session">
              <Table.Td>{fmt.dateTime(x.startsAt, ev.timeZone)}</Table.Td>
              <Table.Td>
                <LText value={x.title} />
              </Table.Td>
              <Table.Td>{x.roomName ? localized(x.roomName).text : ''}</Table.Td>
              <Table.Td>{x.capacity ?? '—'}</Table.Td>
              <Table.Td>{x.people.map((p) => p.name).join(', ')}</Table.Td>
              <Table.Td>
                <Button size="xs" color="red" variant="subtle" onClick={() => removeSession.mutate(x.id)}>
                  {t('shell:common.delete')}
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Card withBorder>
        <ErrorAlert error={addSession.error} />
        <SimpleGrid cols={{ base: 1, md: 3 }}>
          <TextInput
            label={t('events:admin.sessionTitle')}
            value={s.title}
            onChange={(e) => setS({ ...s, title: e.currentTarget.value })}
            error={sErr?.field('title')}
          />
          <Select
            label={t('events:admin.kindOf')}
            data={Object.keys(t('events:sessionKinds', { returnObjects: true }) as object).map((k) => ({
              value: k,
              label: t(`events:sessionKinds.${k}`),
            }))}
            value={s.kind}
            onChange={(x) => x && setS({ ...s, kind: x })}
          />
          <Select
            label={t('events:agenda.room')}
            clearable
            data={(rooms.data ?? []).map((r) => ({ value: r.id, label: localized(r.name).text }))}
            value={s.roomId}
            onChange={(x) => setS({ ...s, roomId: x })}
          />
          <TextInput
            type="datetime-local"
            label={t('events:admin.startsAt')}
            value={s.start}
            onChange={(e) => setS({ ...s, start: e.currentTarget.value })}
          />
          <TextInput
            type="datetime-local"
            label={t('events:admin.endsAt')}
            value={s.end}
            onChange={(e) => setS({ ...s, end: e.currentTarget.value })}
            error={sErr?.field('endsAt')}
          />
          <NumberInput label={t('events:admin.capacity')} min={1} value={s.capacity} onChange={(x) => setS({ ...s, capacity: x })} />
          <Select
            label={t('events:admin.people')}
            searchable
            clearable
            data={(people.data?.items ?? []).map((p) => ({
              value: p.id,
              label: p.nameLatin && p.nameLatin !== p.name ? `${p.name} (${p.nameLatin})` : p.name,
            }))}
            value={s.personId}
            onChange={(x) => setS({ ...s, personId: x })}
          />
          <Select
            label={t('events:admin.role')}
            data={['speaker', 'moderator', 'host', 'panelist', 'keynote'].map((r) => ({ value: r, label: t(`events:roles.${r}`) }))}
            value={s.role}
            onChange={(x) => x && setS({ ...s, role: x })}
          />
        </SimpleGrid>
        <Button mt="sm" onClick={() => addSession.mutate()} disabled={!s.title}>
          {t('events:admin.addSession')}
        </Button>
      </Card>
      <Title order={2} size="h4">
        {t('events:admin.conflicts')}
      </Title>
      {conflicts.data?.length === 0 && <Text c="green">{t('events:conflicts.none')}</Text>}
      {conflicts.data?.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
        <Alert key={i} color="orange" title={t(`events:conflicts.${c.kind}`)} data-testid="conflict">
          {c.message}
        </Alert>
      ))}
      <Group>
        {ev.status !== 'published' && (
          <Button
            onClick={() => publish.mutate((conflicts.data?.length ?? 0) > 0)}
            color={(conflicts.data?.length ?? 0) > 0 ? 'orange' : undefined}
          >
            {(conflicts.data?.length ?? 0) > 0 ? t('events:admin.publishAnyway') : t('events:admin.publish')}
          </Button>
        )}
        {ev.status === 'published' && <Badge color="teal.9">{t('events:status.published')}</Badge>}
        <Switch
          label={t('events:admin.registrationOpen')}
          checked={ev.registrationOpen}
          onChange={(e) => toggle.mutate(e.currentTarget.checked)}
        />
      </Group>
    </Stack>
  );
}

function InvitationsTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const channels = useQuery({
    queryKey: ['channels', ev.id],
    queryFn: () => api.get<Array<{ id: string; name: string; quota: number; used: number }>>(`/api/v1/events/${ev.id}/channels`),
  });
  const list = useQuery({
    queryKey: ['invitations', ev.id],
    queryFn: () =>
      api.get<Array<{ id: string; email: string; name: string; category: string; status: string; channelId: string | null }>>(
        `/api/v1/events/${ev.id}/invitations`,
      ),
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['channels', ev.id] });
    void qc.invalidateQueries({ queryKey: ['invitations', ev.id] });
  };
  const [ch, setCh] = useState({ name: '', quota: 10 as number | string });
  const addChannel = useMutation({
    mutationFn: () => api.post(`/api/v1/events/${ev.id}/channels`, { name: ch.name, quota: Number(ch.quota) }),
    onSuccess: () => {
      setCh({ name: '', quota: 10 });
      return refresh();
    },
    onError: notify.error,
  });
  const [inv, setInv] = useState({ email: '', name: '', category: 'delegate', channelId: null as string | null, locale: 'en' });
  const invite = useMutation({
    mutationFn: () => api.post(`/api/v1/events/${ev.id}/invitations`, inv),
    onSuccess: () => {
      setInv({ ...inv, email: '', name: '' });
      return refresh();
    },
  });
  const err = invite.error instanceof ApiError ? invite.error : null;
  const [file, setFile] = useState<File | null>(null);
  const imp = useMutation({
    mutationFn: () =>
      api.upload<{ written: number; errors: Array<{ line: number; message: string }> }>(
        `/api/v1/events/${ev.id}/invitations/import?dryRun=false`,
        file!,
      ),
    onSuccess: refresh,
    onError: notify.error,
  });
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('events:admin.channels')}
      </Title>
      <Table>
        <Table.Tbody>
          {channels.data?.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>{c.name}</Table.Td>
              <Table.Td>
                {c.used} / {c.quota}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group align="flex-end">
        <TextInput label={t('events:admin.channel')} value={ch.name} onChange={(e) => setCh({ ...ch, name: e.currentTarget.value })} />
        <NumberInput label={t('events:admin.quota')} min={0} value={ch.quota} onChange={(x) => setCh({ ...ch, quota: x })} />
        <Button variant="light" onClick={() => addChannel.mutate()} disabled={!ch.name}>
          {t('events:admin.addChannel')}
        </Button>
      </Group>
      <Title order={2} size="h4">
        {t('events:admin.invite')}
      </Title>
      <ErrorAlert error={invite.error} />
      <SimpleGrid cols={{ base: 1, md: 3 }}>
        <TextInput
          label={t('events:admin.email')}
          value={inv.email}
          onChange={(e) => setInv({ ...inv, email: e.currentTarget.value })}
          error={err?.field('email')}
        />
        <TextInput
          label={t('shell:common.name')}
          value={inv.name}
          onChange={(e) => setInv({ ...inv, name: e.currentTarget.value })}
          error={err?.field('name')}
        />
        <Select
          label={t('events:admin.category')}
          data={['vip', 'speaker', 'delegate', 'media', 'staff'].map((c) => ({ value: c, label: t(`events:categories.${c}`) }))}
          value={inv.category}
          onChange={(x) => x && setInv({ ...inv, category: x })}
        />
        <Select
          label={t('events:admin.channel')}
          clearable
          data={(channels.data ?? []).map((c) => ({ value: c.id, label: `${c.name} (${c.used}/${c.quota})` }))}
          value={inv.channelId}
          onChange={(x) => setInv({ ...inv, channelId: x })}
        />
        <Select
          label={t('shell:common.language')}
          data={[
            { value: 'en', label: 'English' },
            { value: 'zh-Hans', label: '简体中文' },
            { value: 'zh-Hant', label: '繁體中文' },
          ]}
          value={inv.locale}
          onChange={(x) => x && setInv({ ...inv, locale: x })}
        />
      </SimpleGrid>
      <Button onClick={() => invite.mutate()} disabled={!inv.email || !inv.name}>
        {t('events:admin.invite')}
      </Button>
      <Group align="flex-end">
        <input type="file" accept=".csv,.xlsx" aria-label="CSV / XLSX" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <Button variant="default" disabled={!file} onClick={() => imp.mutate()}>
          {t('shell:common.import')}
        </Button>
        {imp.data && (
          <Text size="sm">
            {imp.data.errors.length ? imp.data.errors.map((e) => `${e.line}: ${e.message}`).join('; ') : `${imp.data.written} ✓`}
          </Text>
        )}
      </Group>
      <Table>
        <Table.Tbody>
          {list.data?.map((i) => (
            <Table.Tr key={i.id} data-testid="invitation-row">
              <Table.Td>{i.name}</Table.Td>
              <Table.Td>{i.email}</Table.Td>
              <Table.Td>{t(`events:categories.${i.category}`)}</Table.Td>
              <Table.Td>{t(`events:status.${i.status}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function AccreditationTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [status, setStatus] = useState<string>('pending');
  const q = useQuery({
    queryKey: ['registrations', ev.id, status],
    queryFn: () => api.get<Registration[]>(`/api/v1/events/${ev.id}/registrations${qs({ status: status === 'all' ? undefined : status })}`),
  });
  const decide = useMutation({
    mutationFn: (x: { id: string; decision: 'approve' | 'reject'; reason?: string }) =>
      api.post(`/api/v1/registrations/${x.id}/decision`, { decision: x.decision, reason: x.reason }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['registrations', ev.id] }),
    onError: notify.error,
  });
  return (
    <Stack>
      <Group>
        <SegmentedControl
          value={status}
          onChange={setStatus}
          data={['pending', 'approved', 'rejected', 'cancelled', 'all'].map((s) => ({
            value: s,
            label: s === 'all' ? t('shell:common.all') : t(`events:status.${s}`),
          }))}
        />
        <Button variant="default" onClick={() => download(`/api/v1/events/${ev.id}/delegates?format=xlsx`).catch(notify.error)}>
          {t('events:admin.delegates')} (XLSX)
        </Button>
        <Button variant="default" onClick={() => download(`/api/v1/events/${ev.id}/delegates?format=csv`).catch(notify.error)}>
          CSV
        </Button>
        <Button variant="default" component="a" href={`/api/v1/events/${ev.id}/badges.pdf`} target="_blank">
          {t('events:admin.badges')}
        </Button>
      </Group>
      <Table>
        <Table.Tbody>
          {q.data?.map((r) => (
            <Table.Tr key={r.id} data-testid="accreditation-row">
              <Table.Td>
                {r.name} {r.nameLatin && r.nameLatin !== r.name ? `(${r.nameLatin})` : ''}
              </Table.Td>
              <Table.Td>{r.organization}</Table.Td>
              <Table.Td>{r.countryCode}</Table.Td>
              <Table.Td>{t(`events:categories.${r.category}`, { defaultValue: r.category })}</Table.Td>
              <Table.Td>{t(`events:status.${r.status}`)}</Table.Td>
              <Table.Td>
                {r.status === 'pending' && (
                  <Group gap="xs">
                    <Button size="xs" onClick={() => decide.mutate({ id: r.id, decision: 'approve' })}>
                      {t('events:admin.approve')}
                    </Button>
                    <Button
                      size="xs"
                      color="red"
                      variant="light"
                      onClick={() => {
                        const reason = window.prompt(t('events:admin.rejectReason'));
                        if (reason) decide.mutate({ id: r.id, decision: 'reject', reason });
                      }}
                    >
                      {t('events:admin.reject')}
                    </Button>
                  </Group>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

export function AdminEventPage() {
  const { id } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const q = useQuery({ queryKey: ['event-admin', id], queryFn: () => api.get<EventT>(`/api/v1/events/${id}`) });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const ev = q.data;
  return (
    <Stack>
      <Title order={1}>
        <LText value={ev.name} />
      </Title>
      <Group>
        <Badge>{t(`events:status.${ev.status}`)}</Badge>
        <Badge variant="light">{t(`events:visibility.${ev.visibility}`)}</Badge>
        <Text size="sm">
          {ev.startDate} – {ev.endDate} ({ev.timeZone})
        </Text>
        <Anchor component={Link} to={`/admin/events/${ev.id}/checkin`}>
          {t('events:admin.checkin')}
        </Anchor>
      </Group>
      <Tabs defaultValue="program" keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="program">{t('events:admin.program')}</Tabs.Tab>
          <Tabs.Tab value="invitations">{t('events:admin.invitations')}</Tabs.Tab>
          <Tabs.Tab value="accreditation">{t('events:admin.accreditation')}</Tabs.Tab>
          <Tabs.Tab value="figures">{t('events:admin.figures')}</Tabs.Tab>
          <Tabs.Tab value="managers">{t('events:managers.title')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="program" pt="md">
          <ProgramTab ev={ev} />
        </Tabs.Panel>
        <Tabs.Panel value="invitations" pt="md">
          <InvitationsTab ev={ev} />
        </Tabs.Panel>
        <Tabs.Panel value="accreditation" pt="md">
          <AccreditationTab ev={ev} />
        </Tabs.Panel>
        <Tabs.Panel value="figures" pt="md">
          <FiguresTab ev={ev} />
        </Tabs.Panel>
        <Tabs.Panel value="managers" pt="md">
          <ManagersTab eventId={ev.id} />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}

type CheckinResult = { result: string; registration: { name: string; nameLatin: string | null } };

/** Phone-sized check-in: the camera reads the badge's QR code (html5-qrcode), or staff type the code or search by name. */
export function CheckinPage() {
  const { id } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const localized = useLocalized();
  const [token, setToken] = useState('');
  const [q, setQ] = useState('');
  const [sessionId, setSessionId] = useState<string | null>(null);
  const [last, setLast] = useState<CheckinResult | null>(null);
  const [scanning, setScanning] = useState(false);
  const [camError, setCamError] = useState(false);
  const scanner = useRef<{ stop: () => Promise<void> } | null>(null);
  const agenda = useQuery({ queryKey: ['agenda-admin', id], queryFn: () => api.get<Agenda>(`/api/v1/events/${id}/agenda`) });
  const found = useQuery({
    queryKey: ['checkin-search', id, q],
    enabled: q.trim().length > 0,
    queryFn: () =>
      api.get<Array<{ id: string; name: string; nameLatin: string | null; organization: string | null; status: string }>>(
        `/api/v1/events/${id}/checkin/search${qs({ q })}`,
      ),
  });
  const check = useMutation({
    mutationFn: (body: { token?: string; registrationId?: string }) =>
      api.post<CheckinResult>(`/api/v1/events/${id}/checkin`, { ...body, sessionId }),
    onSuccess: (r) => setLast(r),
  });
  const checkRef = useRef(check.mutate);
  checkRef.current = check.mutate;
  const sessionsData = useMemo(
    () => (agenda.data?.sessions ?? []).map((s) => ({ value: s.id, label: localized(s.title).text })),
    [agenda.data, localized],
  );

  async function startScan() {
    setCamError(false);
    try {
      const { Html5Qrcode } = await import('html5-qrcode');
      const h = new Html5Qrcode('qr-reader');
      let lastCode = '';
      await h.start(
        { facingMode: 'environment' },
        { fps: 10, qrbox: 240 },
        (text) => {
          if (text === lastCode) return;
          lastCode = text;
          checkRef.current({ token: text });
          setTimeout(() => (lastCode = ''), 3000);
        },
        () => {},
      );
      scanner.current = { stop: () => h.stop() };
      setScanning(true);
    } catch {
      setCamError(true);
    }
  }
  useEffect(() => () => void scanner.current?.stop().catch(() => {}), []);
  const color = last?.result === 'ok' ? 'green' : last?.result === 'already' ? 'yellow' : 'red';
  const name = last
    ? `${last.registration.name}${last.registration.nameLatin && last.registration.nameLatin !== last.registration.name ? ` (${last.registration.nameLatin})` : ''}`
    : '';
  return (
    <Stack maw={480}>
      <Title order={1}>{t('events:checkin.title')}</Title>
      <Select
        label={t('events:checkin.session')}
        placeholder={t('events:checkin.whole')}
        clearable
        data={sessionsData}
        value={sessionId}
        onChange={setSessionId}
      />
      {last && (
        <Alert color={color} data-testid="checkin-result" data-result={last.result} title={t(`events:checkin.${last.result}`, { name })}>
          {null}
        </Alert>
      )}
      <ErrorAlert error={check.error} />
      <div id="qr-reader" style={{ width: '100%' }} />
      {scanning ? (
        <Button variant="default" onClick={() => void scanner.current?.stop().then(() => setScanning(false))}>
          {t('events:checkin.stopScan')}
        </Button>
      ) : (
        <Button onClick={() => void startScan()}>{t('events:checkin.scan')}</Button>
      )}
      {camError && <Alert color="gray">{t('events:checkin.cameraError')}</Alert>}
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (token.trim()) check.mutate({ token: token.trim() });
        }}
      >
        <Group align="flex-end">
          <TextInput
            style={{ flex: 1 }}
            label={t('events:checkin.token')}
            value={token}
            onChange={(e) => setToken(e.currentTarget.value)}
          />
          <Button type="submit">{t('events:checkin.check')}</Button>
        </Group>
      </form>
      <TextInput label={t('events:checkin.search')} type="search" value={q} onChange={(e) => setQ(e.currentTarget.value)} />
      {found.data?.map((p) => (
        <Group key={p.id} justify="space-between">
          <Text>
            {p.name} {p.nameLatin && p.nameLatin !== p.name ? `(${p.nameLatin})` : ''} · {p.organization}
          </Text>
          <Button size="xs" onClick={() => check.mutate({ registrationId: p.id })}>
            {t('events:checkin.check')}
          </Button>
        </Group>
      ))}
    </Stack>
  );
}

interface Figures {
  total: number;
  checkedIn: number;
  countries: number;
  byCountry: Record<string, number>;
  byContinent: Record<string, number>;
  byStakeholderGroup: Record<string, number>;
  byGender: Record<string, number>;
}

export function FiguresTab({ ev }: { ev: EventT }) {
  const { t } = useTranslation(['events', 'shell']);
  const countryName = useCountryName();
  const q = useQuery({ queryKey: ['figures', ev.id], queryFn: () => api.get<Figures>(`/api/v1/events/${ev.id}/figures`) });
  if (!q.data) return <ErrorAlert error={q.error} />;
  const f = q.data;
  const block = (title: string, data: Record<string, number>, label: (k: string) => string) => (
    <Card withBorder>
      <Text fw={600}>{title}</Text>
      <Table>
        <Table.Tbody>
          {Object.entries(data)
            .sort((a, b) => b[1] - a[1])
            .map(([k, n]) => (
              <Table.Tr key={k}>
                <Table.Td>{k === 'unknown' ? '—' : label(k)}</Table.Td>
                <Table.Td>{n}</Table.Td>
              </Table.Tr>
            ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
  return (
    <Stack>
      <Group>
        <Badge size="lg">
          {t('events:admin.total')}: {f.total}
        </Badge>
        <Badge size="lg" color="green">
          {t('events:admin.checkedIn')}: {f.checkedIn}
        </Badge>
        <Badge size="lg" variant="light">
          {t('shell:common.country')}: {f.countries}
        </Badge>
      </Group>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        {block(t('events:admin.byContinent'), f.byContinent, (k) => t(`shell:continents.${k}`))}
        {block(t('events:admin.byGroup'), f.byStakeholderGroup, (k) => t(`shell:stakeholders.${k}`))}
        {block(t('events:admin.byCountry'), f.byCountry, (k) => countryName(k))}
        {block(t('events:admin.byGender'), f.byGender, (k) => t(`shell:genders.${k}`))}
      </SimpleGrid>
    </Stack>
  );
}

interface Template {
  key: string;
  locale: string;
  subject: string;
  body: string;
  customized: boolean;
}

function TemplateEditor({ tpl }: { tpl: Template }) {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [v, setV] = useState({ subject: tpl.subject, body: tpl.body });
  const save = useMutation({
    mutationFn: () => api.put(`/api/v1/event-mail-templates/${tpl.key}/${tpl.locale}`, v),
    onSuccess: () => {
      notify.ok();
      return qc.invalidateQueries({ queryKey: ['event-mail-templates'] });
    },
    onError: notify.error,
  });
  return (
    <Card withBorder>
      <Group justify="space-between">
        <Text fw={600}>
          {t(`events:mailKinds.${tpl.key}`)} · {t(`shell:locales.${tpl.locale}`)}
        </Text>
        {tpl.customized && <Badge variant="light">{t('events:admin.customized')}</Badge>}
      </Group>
      <TextInput label={t('events:admin.subject')} value={v.subject} onChange={(e) => setV({ ...v, subject: e.currentTarget.value })} />
      <Textarea
        label={t('events:admin.body')}
        autosize
        minRows={4}
        value={v.body}
        onChange={(e) => setV({ ...v, body: e.currentTarget.value })}
      />
      <Button mt="xs" size="xs" onClick={() => save.mutate()}>
        {t('shell:common.save')}
      </Button>
    </Card>
  );
}

export function MailTemplatesPage() {
  const { t } = useTranslation(['events', 'shell']);
  const q = useQuery({ queryKey: ['event-mail-templates'], queryFn: () => api.get<Template[]>('/api/v1/event-mail-templates') });
  return (
    <Stack>
      <Title order={1}>{t('events:admin.templates')}</Title>
      <Text size="sm" c="gray.7">
        {t('events:admin.placeholders', {
          list: '{{name}} {{event}} {{link}} {{session}} {{reason}}',
          interpolation: { escapeValue: false, skipOnVariables: true },
        })}
      </Text>
      <ErrorAlert error={q.error} />
      {q.data?.map((tpl) => (
        <TemplateEditor key={`${tpl.key}-${tpl.locale}-${tpl.customized}`} tpl={tpl} />
      ))}
    </Stack>
  );
}
