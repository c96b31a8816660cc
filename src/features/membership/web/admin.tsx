import {
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Menu,
  Modal,
  MultiSelect,
  NumberInput,
  Paper,
  Progress,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Pager } from '../../../web/components/Pager';
import { api, download, qs } from '../../../web/api';
import { ImportDialog, type ImportReport } from '../../../web/components/ImportDialog';
import { CountrySelect, LocalizedInput, useCountryName, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { pick, useLocale, type LocalizedText } from '../../../web/i18n';
import { LText } from '../../../web/localized';
import { ApplicationView, continents, memberGroups, MembershipError, StatusBadge, Thread, useCategories, type Application } from './shared';

const applicationStatuses = ['submitted', 'info_requested', 'approved', 'rejected', 'withdrawn', 'draft'] as const;
const membershipStatuses = ['active', 'grace', 'lapsed', 'suspended', 'terminated'] as const;

interface Filters {
  q: string;
  status: string | null;
  category: string | null;
  country: string | null;
  continent: string | null;
  stakeholderGroup: string | null;
}
const empty: Filters = { q: '', status: null, category: null, country: null, continent: null, stakeholderGroup: null };

function Filters({ value, onChange, statuses }: { value: Filters; onChange: (f: Filters) => void; statuses: readonly string[] }) {
  const { t } = useTranslation(['membership', 'shell']);
  const locale = useLocale();
  const cats = useCategories();
  return (
    <SimpleGrid cols={{ base: 1, sm: 3, lg: 6 }}>
      <TextInput
        label={t('shell:common.search')}
        type="search"
        value={value.q}
        onChange={(e) => onChange({ ...value, q: e.currentTarget.value })}
      />
      <Select
        label={t('shell:common.status')}
        clearable
        data={statuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        value={value.status}
        onChange={(v) => onChange({ ...value, status: v })}
        data-testid="filter-status"
      />
      <Select
        label={t('queue.category')}
        clearable
        data={(cats.data ?? []).map((c) => ({ value: c.key, label: pick(c.name, locale).text }))}
        value={value.category}
        onChange={(v) => onChange({ ...value, category: v })}
      />
      <CountrySelect label={t('shell:common.country')} value={value.country} onChange={(v) => onChange({ ...value, country: v })} />
      <Select
        label={t('shell:common.continent')}
        clearable
        data={continents.map((c) => ({ value: c, label: t(`shell:continents.${c}`) }))}
        value={value.continent}
        onChange={(v) => onChange({ ...value, continent: v })}
      />
      <Select
        label={t('apply.group')}
        clearable
        data={memberGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
        value={value.stakeholderGroup}
        onChange={(v) => onChange({ ...value, stakeholderGroup: v })}
      />
    </SimpleGrid>
  );
}

/** The secretariat's queue of applications. */
export function QueuePage() {
  const { t } = useTranslation(['membership', 'shell']);
  const countryName = useCountryName();
  const f = useFormat();
  const [filters, setFilters] = useState<Filters>(empty);
  const [page, setPage] = useState(1);
  const [debounced] = useDebouncedValue(filters, 250);
  const params = { ...debounced, page, pageSize: 25 };
  const list = useQuery({
    queryKey: ['membership', 'queue', params],
    queryFn: () => api.get<{ items: Application[]; total: number }>(`/api/v1/membership/applications${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1}>{t('queue.title')}</Title>
      <Filters value={filters} onChange={(v) => (setFilters(v), setPage(1))} statuses={applicationStatuses} />
      <MembershipError error={list.error} />
      <ScrollArea>
        <Table striped highlightOnHover data-testid="queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('queue.category')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('apply.group')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
              <Table.Th>{t('queue.submittedAt')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/admin/membership/applications/${a.id}`}>
                    {a.displayName || '—'}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <LText value={a.categoryName} />
                </Table.Td>
                <Table.Td>{countryName(a.countryCode)}</Table.Td>
                <Table.Td>{a.stakeholderGroup ? t(`shell:stakeholders.${a.stakeholderGroup}`) : ''}</Table.Td>
                <Table.Td>
                  <StatusBadge status={a.status} />
                </Table.Td>
                <Table.Td>{f.date(a.submittedAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
    </Stack>
  );
}

/** One application for the secretariat: content, documents, the thread with internal comments, and the decisions. */
export function QueueDetailPage() {
  const { id } = useParams();
  const { t } = useTranslation(['membership', 'shell']);
  const notify = useNotify();
  const qc = useQueryClient();
  const key = ['membership', 'application', id];
  const q = useQuery({ queryKey: key, queryFn: () => api.get<Application>(`/api/v1/membership/applications/${id}`) });
  const [comment, setComment] = useState('');
  const [internal, setInternal] = useState(true);
  const [decision, setDecision] = useState<'request-info' | 'approve' | 'reject' | null>(null);
  const [reason, setReason] = useState('');
  const done = (a: Application) => (qc.setQueryData(key, a), void qc.invalidateQueries({ queryKey: ['membership', 'queue'] }));
  const post = useMutation({
    mutationFn: () => api.post<Application>(`/api/v1/membership/applications/${id}/messages`, { body: comment, internal }),
    onSuccess: (a) => (done(a), setComment('')),
    onError: notify.error,
  });
  const decide = useMutation({
    mutationFn: () =>
      api.post<Application>(
        `/api/v1/membership/applications/${id}/${decision}`,
        decision === 'approve' ? (reason ? { reason } : {}) : { reason },
      ),
    onSuccess: (a) => (done(a), setDecision(null), setReason(''), notify.ok(a.status === 'approved' ? t('queue.approved') : undefined)),
  });
  const app = q.data;
  if (!app) return <MembershipError error={q.error} />;
  const can = (a: string) => app.actions.includes(a);
  return (
    <Stack maw={960}>
      <Anchor component={Link} to="/admin/membership/applications">
        ← {t('queue.title')}
      </Anchor>
      <Group justify="space-between">
        <Title order={1}>{app.displayName || '—'}</Title>
        <StatusBadge status={app.status} />
      </Group>
      <Paper withBorder p="md">
        <ApplicationView app={app} />
      </Paper>
      <Title order={3}>{t('apply.documents')}</Title>
      <Stack gap={4}>
        {app.documents.map((d) => (
          <Anchor key={d.id} href={`/api/v1/membership/applications/${app.id}/documents/${d.id}`}>
            {d.docKey}: {d.filename}
          </Anchor>
        ))}
      </Stack>
      <Group>
        {can('request_info') ? (
          <Button variant="default" onClick={() => setDecision('request-info')} data-testid="request-info">
            {t('queue.requestInfo')}
          </Button>
        ) : null}
        {can('approve') ? (
          <Button color="green" onClick={() => setDecision('approve')} data-testid="approve">
            {t('queue.approve')}
          </Button>
        ) : null}
        {can('reject') ? (
          <Button color="red" variant="light" onClick={() => setDecision('reject')} data-testid="reject">
            {t('queue.reject')}
          </Button>
        ) : null}
      </Group>
      <Title order={3}>{t('queue.thread')}</Title>
      <Thread app={app} />
      <Stack gap="xs">
        <Textarea
          label={t('apply.writeMessage')}
          autosize
          minRows={2}
          value={comment}
          onChange={(e) => setComment(e.currentTarget.value)}
          data-testid="staff-message"
        />
        <Checkbox
          label={t('queue.internal')}
          checked={internal}
          onChange={(e) => setInternal(e.currentTarget.checked)}
          data-testid="internal"
        />
        <Group>
          <Button
            variant="default"
            disabled={!comment.trim() || (!internal && !can('message'))}
            loading={post.isPending}
            onClick={() => post.mutate()}
            data-testid="post-message"
          >
            {internal ? t('queue.addComment') : t('apply.send')}
          </Button>
        </Group>
      </Stack>
      <Modal
        opened={!!decision}
        onClose={() => setDecision(null)}
        title={decision ? t(`queue.${decision === 'request-info' ? 'requestInfo' : decision}`) : ''}
      >
        <Stack>
          <Textarea
            label={decision === 'request-info' ? t('queue.requestInfoHint') : t('queue.reasonHint')}
            required={decision !== 'approve'}
            autosize
            minRows={3}
            value={reason}
            onChange={(e) => setReason(e.currentTarget.value)}
            data-testid="decision-reason"
          />
          <MembershipError error={decide.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDecision(null)}>
              {t('shell:common.cancel')}
            </Button>
            <Button
              onClick={() => decide.mutate()}
              loading={decide.isPending}
              disabled={decision !== 'approve' && !reason.trim()}
              data-testid="confirm-decision"
            >
              {t('shell:common.confirm')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

interface Membership {
  id: string;
  status: string;
  statusReason: string | null;
  categoryName: LocalizedText;
  name: LocalizedText;
  countryCode: string | null;
  stakeholderGroup: string;
  startDate: string;
  renewalDate: string;
  graceUntil: string | null;
  directoryOptIn: boolean;
  history?: Array<{ id: number; at: string; action: string; fromStatus: string | null; toStatus: string | null; reason: string | null }>;
}

/** Memberships: filters, status changes with reasons, history, bulk import. */
export function MembershipsPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const queryClient = useQueryClient();
  const countryName = useCountryName();
  const f = useFormat();
  const [filters, setFilters] = useState<Filters>(empty);
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const [importing, setImporting] = useState(false);
  const [debounced] = useDebouncedValue(filters, 250);
  const params = { ...debounced, page, pageSize: 25 };
  const list = useQuery({
    queryKey: ['membership', 'memberships', params],
    queryFn: () => api.get<{ items: Membership[]; total: number }>(`/api/v1/membership/memberships${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('admin.membersTitle')}</Title>
        <Button variant="default" onClick={() => setImporting(true)}>
          {t('admin.import')}
        </Button>
      </Group>
      <Filters value={filters} onChange={(v) => (setFilters(v), setPage(1))} statuses={membershipStatuses} />
      <MembershipError error={list.error} />
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('queue.category')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
              <Table.Th>{t('admin.start')}</Table.Th>
              <Table.Th>{t('admin.renewal')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((m) => (
              <Table.Tr key={m.id}>
                <Table.Td>
                  <Anchor component="button" onClick={() => setOpen(m.id)}>
                    <LText value={m.name} />
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <LText value={m.categoryName} />
                </Table.Td>
                <Table.Td>{countryName(m.countryCode)}</Table.Td>
                <Table.Td>
                  <StatusBadge status={m.status} />
                </Table.Td>
                <Table.Td>{f.date(m.startDate)}</Table.Td>
                <Table.Td>{f.date(m.renewalDate)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      {open ? <MembershipModal id={open} onClose={() => setOpen(null)} /> : null}
      {importing ? (
        <ImportDialog
          send={(file, dryRun) => api.upload<ImportReport>(`/api/v1/membership/import?dryRun=${dryRun}`, file)}
          columns={t('admin.importColumns')}
          onImported={() => queryClient.invalidateQueries({ queryKey: ['membership'] })}
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Stack>
  );
}

const allowed: Record<string, string[]> = {
  renew: ['active', 'grace', 'lapsed'],
  suspend: ['active', 'grace'],
  reinstate: ['suspended'],
  terminate: ['active', 'grace', 'lapsed', 'suspended'],
};

function MembershipModal({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation(['membership', 'shell']);
  const f = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const q = useQuery({
    queryKey: ['membership', 'membership', id],
    queryFn: () => api.get<Membership>(`/api/v1/membership/memberships/${id}`),
  });
  const [reason, setReason] = useState('');
  const act = useMutation({
    mutationFn: (action: string) => api.post<Membership>(`/api/v1/membership/memberships/${id}/${action}`, reason ? { reason } : {}),
    onSuccess: (m) => (
      qc.setQueryData(['membership', 'membership', id], m),
      void qc.invalidateQueries({ queryKey: ['membership', 'memberships'] }),
      setReason(''),
      notify.ok()
    ),
  });
  const m = q.data;
  return (
    <Modal opened onClose={onClose} size="lg" title={m ? <LText value={m.name} /> : ''}>
      {m ? (
        <Stack>
          <Group>
            <StatusBadge status={m.status} />
            {m.statusReason ? <Text size="sm">{m.statusReason}</Text> : null}
          </Group>
          <Text size="sm">
            {t('admin.start')}: {f.date(m.startDate)} · {t('admin.renewal')}: {f.date(m.renewalDate)}
            {m.graceUntil ? ` · ${t('status.grace')}: ${f.date(m.graceUntil)}` : ''}
          </Text>
          <Textarea label={t('admin.reasonFor')} autosize minRows={2} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
          <MembershipError error={act.error} />
          <Group>
            {Object.entries(allowed)
              .filter(([, from]) => from.includes(m.status))
              .map(([action]) => (
                <Button
                  key={action}
                  variant={action === 'terminate' ? 'light' : 'default'}
                  color={action === 'terminate' ? 'red' : undefined}
                  onClick={() => act.mutate(action)}
                  loading={act.isPending && act.variables === action}
                >
                  {t(`admin.${action}`)}
                </Button>
              ))}
          </Group>
          <Title order={4}>{t('admin.history')}</Title>
          <Table>
            <Table.Tbody>
              {m.history?.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>{f.dateTime(h.at)}</Table.Td>
                  <Table.Td>{h.action}</Table.Td>
                  <Table.Td>{h.toStatus ? t(`status.${h.toStatus}`) : ''}</Table.Td>
                  <Table.Td>{h.reason}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      ) : null}
    </Modal>
  );
}

interface Bucket {
  key: string;
  count: number;
  share: number;
}
interface Goal {
  id: string;
  dimension: string;
  rule: string;
  target: number;
  value: string | null;
  label: LocalizedText;
  result?: { met: boolean; current: number; subject: string | null; population: number };
}
interface Dashboard {
  totalMembers: number;
  byStatus: Bucket[];
  byContinent: Bucket[];
  byCountry: Bucket[];
  byStakeholderGroup: Bucket[];
  byCategory: Bucket[];
  byYearJoined: Bucket[];
  applicationsByStatus: Bucket[];
  goals: Goal[];
}

/** A table with a bar per row: readable as a chart and as numbers, and accessible. */
function BarTable({ title, buckets, label }: { title: string; buckets: Bucket[]; label: (key: string) => string }) {
  const { t } = useTranslation('membership');
  const max = Math.max(1, ...buckets.map((b) => b.count));
  return (
    <Paper withBorder p="md" data-testid={`chart-${title}`}>
      <Title order={3} size="h4" mb="xs">
        {title}
      </Title>
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{''}</Table.Th>
            <Table.Th>{t('dash.count')}</Table.Th>
            <Table.Th>{t('dash.share')}</Table.Th>
            <Table.Th w="40%" aria-hidden="true" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {buckets.map((b) => (
            <Table.Tr key={b.key}>
              <Table.Td>{label(b.key)}</Table.Td>
              <Table.Td>{b.count}</Table.Td>
              <Table.Td>{b.share}%</Table.Td>
              <Table.Td aria-hidden="true">
                <Progress value={(b.count / max) * 100} size="lg" />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The representation dashboard: figures, goals met or not, export. */
export function DashboardPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const countryName = useCountryName();
  const locale = useLocale();
  const cats = useCategories();
  const notify = useNotify();
  const qc = useQueryClient();
  const q = useQuery({ queryKey: ['membership', 'dashboard'], queryFn: () => api.get<Dashboard>('/api/v1/membership/dashboard') });
  const [goal, setGoal] = useState<{ dimension: string | null; rule: string | null; target: number | string; value: string }>({
    dimension: 'continent',
    rule: 'min_distinct',
    target: 6,
    value: '',
  });
  const addGoal = useMutation({
    mutationFn: () =>
      api.post('/api/v1/membership/goals', {
        dimension: goal.dimension,
        rule: goal.rule,
        target: Number(goal.target),
        value: goal.value || null,
      }),
    onSuccess: () => (void qc.invalidateQueries({ queryKey: ['membership', 'dashboard'] }), notify.ok()),
    onError: notify.error,
  });
  const removeGoal = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/membership/goals/${id}`),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['membership', 'dashboard'] }),
    onError: notify.error,
  });
  const d = q.data;
  const catName = (key: string) => pick(cats.data?.find((c) => c.key === key)?.name, locale).text || key;
  const valueLabel = (dimension: string, key: string | null) =>
    !key
      ? ''
      : dimension === 'country'
        ? countryName(key)
        : dimension === 'continent'
          ? t(`shell:continents.${key}`)
          : dimension === 'stakeholderGroup'
            ? t(`shell:stakeholders.${key}`)
            : dimension === 'category'
              ? catName(key)
              : dimension === 'gender'
                ? t(`shell:genders.${key}`)
                : key;
  const goalText = (g: Goal) =>
    pick(g.label, locale).text ||
    `${t(`dash.dimensions.${g.dimension}`)}: ${t(`dash.rules.${g.rule}`).replace('N', String(g.target))}${g.value ? ` (${valueLabel(g.dimension, g.value)})` : ''}`;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('dash.title')}</Title>
        <Menu>
          <Menu.Target>
            <Button variant="default">{t('shell:common.export')}</Button>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item onClick={() => download('/api/v1/membership/dashboard/export?format=csv').catch(notify.error)}>CSV</Menu.Item>
            <Menu.Item onClick={() => download('/api/v1/membership/dashboard/export?format=xlsx').catch(notify.error)}>XLSX</Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
      <Text>{t('dash.intro')}</Text>
      <MembershipError error={q.error} />
      {d ? (
        <>
          <Paper withBorder p="md">
            <Text size="sm" c="dimmed">
              {t('dash.total')}
            </Text>
            <Text size="xl" fw={700} data-testid="total-members">
              {d.totalMembers}
            </Text>
          </Paper>
          <Paper withBorder p="md">
            <Title order={2} size="h3" mb="xs">
              {t('dash.goals')}
            </Title>
            <Table data-testid="goals">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('dash.goal')}</Table.Th>
                  <Table.Th>{t('dash.current')}</Table.Th>
                  <Table.Th>{t('shell:common.status')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.goals.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>{goalText(g)}</Table.Td>
                    <Table.Td>
                      {g.result
                        ? g.rule === 'min_distinct'
                          ? g.result.current
                          : `${g.result.current}%${g.result.subject ? ` (${valueLabel(g.dimension, g.result.subject)})` : ''}`
                        : ''}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="dot" color={g.result?.met ? 'green' : 'red'} data-met={g.result?.met ? 'true' : 'false'}>
                        {g.result?.met ? t('dash.met') : t('dash.notMet')}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Button size="xs" variant="default" onClick={() => removeGoal.mutate(g.id)}>
                        {t('shell:common.delete')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            <Group align="flex-end" mt="sm">
              <Select
                label={t('dash.dimension')}
                allowDeselect={false}
                data={['continent', 'country', 'stakeholderGroup', 'category', 'yearJoined'].map((k) => ({
                  value: k,
                  label: t(`dash.dimensions.${k}`),
                }))}
                value={goal.dimension}
                onChange={(v) => setGoal({ ...goal, dimension: v })}
              />
              <Select
                label={t('dash.rule')}
                allowDeselect={false}
                data={['min_distinct', 'max_share', 'min_share'].map((k) => ({ value: k, label: t(`dash.rules.${k}`) }))}
                value={goal.rule}
                onChange={(v) => setGoal({ ...goal, rule: v })}
              />
              <NumberInput label={t('dash.target')} min={0} value={goal.target} onChange={(v) => setGoal({ ...goal, target: v })} w={100} />
              {goal.rule === 'min_share' ? (
                <TextInput
                  label={t('dash.value')}
                  value={goal.value}
                  onChange={(e) => setGoal({ ...goal, value: e.currentTarget.value })}
                  w={140}
                />
              ) : null}
              <Button variant="default" onClick={() => addGoal.mutate()} loading={addGoal.isPending}>
                {t('dash.addGoal')}
              </Button>
            </Group>
          </Paper>
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <BarTable title={t('dash.byContinent')} buckets={d.byContinent} label={(k) => valueLabel('continent', k)} />
            <BarTable
              title={t('dash.byStakeholderGroup')}
              buckets={d.byStakeholderGroup}
              label={(k) => valueLabel('stakeholderGroup', k)}
            />
            <BarTable title={t('dash.byCategory')} buckets={d.byCategory} label={catName} />
            <BarTable title={t('dash.byYearJoined')} buckets={d.byYearJoined} label={(k) => k} />
            <BarTable title={t('dash.byStatus')} buckets={d.byStatus} label={(k) => t(`status.${k}`)} />
            <BarTable title={t('dash.applicationsByStatus')} buckets={d.applicationsByStatus} label={(k) => t(`status.${k}`)} />
          </SimpleGrid>
          <BarTable title={t('dash.byCountry')} buckets={d.byCountry} label={(k) => valueLabel('country', k)} />
        </>
      ) : null}
    </Stack>
  );
}

interface CategoryRow {
  id: string;
  key: string;
  name: LocalizedText;
  description: LocalizedText;
  applicantKind: 'organization' | 'individual';
  termMonths: number;
  graceDays: number;
  reminderDays: number[];
  requiredFields: string[];
  requiredDocuments: Array<{ key: string; label: LocalizedText }>;
  active: boolean;
  sortOrder: number;
}

const fieldPaths = [
  'organization.shortName',
  'organization.website',
  'organization.description',
  'individual.nameLatin',
  'individual.gender',
  'individual.title',
  'individual.affiliation',
  'motivation',
];

/** Membership categories: what each asks of applicants, and how long its terms run. */
export function CategoriesPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const locale = useLocale();
  const list = useQuery({
    queryKey: ['membership', 'admin-categories'],
    queryFn: () => api.get<CategoryRow[]>('/api/v1/membership/admin/categories'),
  });
  const [editing, setEditing] = useState<CategoryRow | 'new' | null>(null);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('cat.title')}</Title>
        <Button onClick={() => setEditing('new')}>{t('cat.new')}</Button>
      </Group>
      <MembershipError error={list.error} />
      <Table striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('shell:common.name')}</Table.Th>
            <Table.Th>{t('cat.kind')}</Table.Th>
            <Table.Th>{t('cat.term')}</Table.Th>
            <Table.Th>{t('apply.documents')}</Table.Th>
            <Table.Th>{t('shell:common.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.data?.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component="button" onClick={() => setEditing(c)}>
                  {pick(c.name, locale).text} ({c.key})
                </Anchor>
              </Table.Td>
              <Table.Td>{t(`kind.${c.applicantKind}`)}</Table.Td>
              <Table.Td>{c.termMonths}</Table.Td>
              <Table.Td>{c.requiredDocuments.map((d) => pick(d.label, locale).text).join(', ')}</Table.Td>
              <Table.Td>{c.active ? t('shell:common.yes') : t('shell:common.no')}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {editing ? <CategoryModal category={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
    </Stack>
  );
}

function CategoryModal({ category, onClose }: { category: CategoryRow | null; onClose: () => void }) {
  const { t } = useTranslation(['membership', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState({
    key: category?.key ?? '',
    name: category?.name ?? {},
    applicantKind: category?.applicantKind ?? 'organization',
    termMonths: category?.termMonths ?? 12,
    graceDays: category?.graceDays ?? 60,
    reminderDays: (category?.reminderDays ?? [60, 14]).join(', '),
    requiredFields: category?.requiredFields ?? [],
    requiredDocuments: category?.requiredDocuments ?? [],
    active: category?.active ?? true,
    sortOrder: category?.sortOrder ?? 0,
  });
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...form,
        reminderDays: form.reminderDays
          .split(/[,\s]+/)
          .filter(Boolean)
          .map(Number),
      };
      return category ? api.put(`/api/v1/membership/categories/${category.id}`, body) : api.post('/api/v1/membership/categories', body);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['membership'] });
      notify.ok();
      onClose();
    },
  });
  const docs = form.requiredDocuments;
  return (
    <Modal opened onClose={onClose} size="lg" title={category ? t('cat.edit') : t('cat.new')}>
      <Stack>
        <SimpleGrid cols={2}>
          <TextInput label={t('cat.key')} required value={form.key} onChange={(e) => setForm({ ...form, key: e.currentTarget.value })} />
          <Select
            label={t('cat.kind')}
            allowDeselect={false}
            data={(['organization', 'individual'] as const).map((k) => ({ value: k, label: t(`kind.${k}`) }))}
            value={form.applicantKind}
            onChange={(v) => v && setForm({ ...form, applicantKind: v as 'organization' })}
          />
        </SimpleGrid>
        <LocalizedInput label={t('shell:common.name')} required value={form.name} onChange={(name) => setForm({ ...form, name })} />
        <SimpleGrid cols={3}>
          <NumberInput
            label={t('cat.term')}
            min={1}
            max={120}
            value={form.termMonths}
            onChange={(v) => setForm({ ...form, termMonths: Number(v) })}
          />
          <NumberInput
            label={t('cat.grace')}
            min={0}
            max={365}
            value={form.graceDays}
            onChange={(v) => setForm({ ...form, graceDays: Number(v) })}
          />
          <TextInput
            label={t('cat.reminders')}
            value={form.reminderDays}
            onChange={(e) => setForm({ ...form, reminderDays: e.currentTarget.value })}
          />
        </SimpleGrid>
        <MultiSelect
          label={t('cat.requiredFields')}
          data={fieldPaths}
          value={form.requiredFields}
          onChange={(v) => setForm({ ...form, requiredFields: v })}
        />
        <Text size="sm" fw={500}>
          {t('cat.requiredDocuments')}
        </Text>
        {docs.map((d, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput
              label={t('cat.key')}
              value={d.key}
              onChange={(e) =>
                setForm({ ...form, requiredDocuments: docs.map((x, j) => (j === i ? { ...x, key: e.currentTarget.value } : x)) })
              }
              w={140}
            />
            <TextInput
              label="EN"
              value={d.label.en ?? ''}
              onChange={(e) =>
                setForm({
                  ...form,
                  requiredDocuments: docs.map((x, j) => (j === i ? { ...x, label: { ...x.label, en: e.currentTarget.value } } : x)),
                })
              }
            />
            <TextInput
              label="简"
              value={d.label['zh-Hans'] ?? ''}
              onChange={(e) =>
                setForm({
                  ...form,
                  requiredDocuments: docs.map((x, j) => (j === i ? { ...x, label: { ...x.label, 'zh-Hans': e.currentTarget.value } } : x)),
                })
              }
            />
            <Button variant="default" onClick={() => setForm({ ...form, requiredDocuments: docs.filter((_, j) => j !== i) })}>
              {t('apply.removeRep')}
            </Button>
          </Group>
        ))}
        <Group>
          <Button variant="default" onClick={() => setForm({ ...form, requiredDocuments: [...docs, { key: '', label: {} }] })}>
            {t('cat.addDocument')}
          </Button>
        </Group>
        <Checkbox label={t('cat.active')} checked={form.active} onChange={(e) => setForm({ ...form, active: e.currentTarget.checked })} />
        <MembershipError error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('shell:common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('shell:common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
