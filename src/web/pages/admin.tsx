import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Code,
  Group,
  Modal,
  ScrollArea,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Pager } from '../components/Pager';
import { api, qs } from '../api';
import { ErrorAlert, useNotify } from '../components/forms';
import { useFormat } from '../format';
import { locales, useLocale } from '../i18n';
import { useMe, hasRole } from '../session';

export function AdminHomePage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  return (
    <Stack>
      <Title order={1}>{t('admin.title')}</Title>
      <Text>{t('admin.welcome', { name: me?.user?.name ?? '' })}</Text>
    </Stack>
  );
}

interface UserRow {
  id: string;
  email: string;
  name: string;
  locale: string;
  emailVerifiedAt: string | null;
  lockedUntil: string | null;
  roles: string[];
  scopes: Array<{ role: string; scopeType: string; scopeId: string }>;
}

const globalRoles = ['admin', 'secretariat', 'reviewer'] as const;

export function UsersPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const { data: me } = useMe();
  const isAdmin = hasRole(me, 'admin');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['users', q, page],
    queryFn: () => api.get<{ items: UserRow[]; total: number }>(`/api/v1/admin/users${qs({ q, page, pageSize: 25 })}`),
    placeholderData: keepPreviousData,
  });
  const [editing, setEditing] = useState<UserRow | null>(null);
  const [creating, create] = useDisclosure(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('nav.users')}</Title>
        {isAdmin ? <Button onClick={create.open}>{t('admin.createStaff')}</Button> : null}
      </Group>
      <TextInput
        label={t('common.search')}
        value={q}
        onChange={(e) => {
          setQ(e.currentTarget.value);
          setPage(1);
        }}
        maw={360}
      />
      <ErrorAlert error={list.error} />
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('common.name')}</Table.Th>
              <Table.Th>{t('common.email')}</Table.Th>
              <Table.Th>{t('auth.roles')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
              {isAdmin ? <Table.Th>{t('common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {u.roles.map((r) => (
                      <Badge key={r} size="sm">
                        {t(`roles.${r}`, r)}
                      </Badge>
                    ))}
                    {u.scopes.map((s) => (
                      <Badge key={`${s.role}${s.scopeId}`} size="sm" variant="outline">
                        {s.role}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                    <Badge color="red">{t('admin.locked', { when: f.dateTime(u.lockedUntil) })}</Badge>
                  ) : u.emailVerifiedAt ? (
                    <Badge color="green" variant="light">
                      {t('admin.verified')}
                    </Badge>
                  ) : null}
                </Table.Td>
                {isAdmin ? (
                  <Table.Td>
                    <Button size="compact-sm" variant="light" onClick={() => setEditing(u)}>
                      {t('auth.roles')}
                    </Button>
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      {editing ? <RolesModal user={editing} onClose={() => setEditing(null)} /> : null}
      <CreateStaffModal opened={creating} onClose={create.close} />
    </Stack>
  );
}

function RolesModal({ user, onClose }: { user: UserRow; onClose: () => void }) {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const notify = useNotify();
  const [roles, setRoles] = useState<string[]>(user.roles);
  const save = useMutation({
    mutationFn: () => api.put(`/api/v1/admin/users/${user.id}/roles`, { roles }),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['users'] });
      notify.ok(t('admin.rolesSaved'));
      onClose();
    },
  });
  return (
    <Modal opened onClose={onClose} title={`${t('auth.roles')}: ${user.name}`}>
      <Stack>
        <Checkbox.Group value={roles} onChange={setRoles}>
          <Stack gap="xs">
            {globalRoles.map((r) => (
              <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <ErrorAlert error={save.error} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button onClick={() => save.mutate()} loading={save.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function CreateStaffModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const qc = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState({ email: '', name: '', locale: locale as string, roles: ['secretariat'] as string[] });
  const save = useMutation({
    mutationFn: () => api.post('/api/v1/admin/users', form),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['users'] });
      notify.ok(t('admin.staffCreated'));
      onClose();
    },
  });
  return (
    <Modal opened={opened} onClose={onClose} title={t('admin.createStaff')}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('auth.name')}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
          />
          <TextInput
            label={t('auth.email')}
            type="email"
            required
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
          />
          <Select
            label={t('auth.preferredLanguage')}
            data={locales.map((l) => ({ value: l, label: t(`locales.${l}`) }))}
            value={form.locale}
            onChange={(v) => v && setForm({ ...form, locale: v })}
            allowDeselect={false}
          />
          <Checkbox.Group label={t('auth.roles')} value={form.roles} onChange={(roles) => setForm({ ...form, roles })}>
            <Stack gap="xs" mt="xs">
              {globalRoles.map((r) => (
                <Checkbox key={r} value={r} label={t(`roles.${r}`)} />
              ))}
            </Stack>
          </Checkbox.Group>
          <ErrorAlert error={save.error} />
          <Group justify="flex-end">
            <Button type="submit" loading={save.isPending}>
              {t('common.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

interface MailRow {
  id: string;
  to: string;
  subject: string;
  text: string;
  status: string;
  createdAt: string;
  lastError: string | null;
}

export function OutboxPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [page, setPage] = useState(1);
  const [to, setTo] = useState('');
  const [open, setOpen] = useState<MailRow | null>(null);
  const list = useQuery({
    queryKey: ['outbox', page, to],
    queryFn: () =>
      api.get<{ items: MailRow[]; total: number; smtpConfigured: boolean }>(`/api/v1/admin/outbox${qs({ page, to, pageSize: 25 })}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1}>{t('nav.outbox')}</Title>
      <Text size="sm">{t('admin.outboxIntro')}</Text>
      {list.data ? (
        <Alert color={list.data.smtpConfigured ? 'green' : 'yellow'}>
          {list.data.smtpConfigured ? t('admin.smtpOn') : t('admin.smtpOff')}
        </Alert>
      ) : null}
      <TextInput
        label={t('admin.to')}
        value={to}
        onChange={(e) => {
          setTo(e.currentTarget.value);
          setPage(1);
        }}
        maw={360}
      />
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.when')}</Table.Th>
              <Table.Th>{t('admin.to')}</Table.Th>
              <Table.Th>{t('admin.subject')}</Table.Th>
              <Table.Th>{t('common.status')}</Table.Th>
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
                <Table.Td>
                  <Badge color={m.status === 'sent' ? 'green' : m.status === 'failed' ? 'red' : 'gray'}>{m.status}</Badge>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open?.subject} size="lg">
        <Text size="sm" c="dimmed">
          {t('admin.to')}: {open?.to}
        </Text>
        <Code block mt="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="mail-body">
          {open?.text}
        </Code>
      </Modal>
    </Stack>
  );
}

interface AuditRow {
  id: number;
  at: string;
  actorEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export function AuditPage() {
  const { t } = useTranslation();
  const f = useFormat();
  const [entity, setEntity] = useState('');
  const [open, setOpen] = useState<AuditRow | null>(null);
  const list = useQuery({
    queryKey: ['audit', entity],
    queryFn: () => api.get<{ items: AuditRow[] }>(`/api/v1/admin/audit${qs({ entity, limit: 100 })}`),
  });
  return (
    <Stack>
      <Title order={1}>{t('nav.audit')}</Title>
      <TextInput label={t('admin.entity')} value={entity} onChange={(e) => setEntity(e.currentTarget.value)} maw={360} />
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('admin.when')}</Table.Th>
              <Table.Th>{t('admin.who')}</Table.Th>
              <Table.Th>{t('admin.action')}</Table.Th>
              <Table.Th>{t('admin.entity')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((a) => (
              <Table.Tr key={a.id}>
                <Table.Td>{f.dateTime(a.at)}</Table.Td>
                <Table.Td>{a.actorEmail ?? '—'}</Table.Td>
                <Table.Td>
                  <Button variant="subtle" size="compact-sm" onClick={() => setOpen(a)}>
                    {a.action}
                  </Button>
                </Table.Td>
                <Table.Td>
                  {a.entity}{' '}
                  <Text span size="xs" c="dimmed">
                    {a.entityId}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Modal opened={!!open} onClose={() => setOpen(null)} title={open?.action} size="xl">
        <Stack>
          <Text fw={600}>{t('admin.before')}</Text>
          <Code block>{JSON.stringify(open?.before, null, 2)}</Code>
          <Text fw={600}>{t('admin.after')}</Text>
          <Code block>{JSON.stringify(open?.after, null, 2)}</Code>
        </Stack>
      </Modal>
    </Stack>
  );
}
