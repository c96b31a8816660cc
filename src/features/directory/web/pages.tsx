import {
  Avatar,
  Button,
  FileInput,
  Group,
  Menu,
  Modal,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ImportDialog } from '../../../web/components/ImportDialog';
import { Pager } from '../../../web/components/Pager';
import { api, ApiError, download, qs } from '../../../web/api';
import { CountrySelect, ErrorAlert, LocalizedInput, useCountryName, useNotify } from '../../../web/components/forms';
import type { LocalizedText } from '../../../web/i18n';
import { LText, useLocalized } from '../../../web/localized';

const stakeholderGroups = [
  'government',
  'international-organization',
  'business',
  'technical-community',
  'civil-society',
  'academia',
] as const;
const continents = ['africa', 'asia', 'europe', 'north-america', 'south-america', 'oceania'] as const;

interface Organization {
  id: string;
  name: LocalizedText;
  shortName: string | null;
  countryCode: string;
  continent: string;
  stakeholderGroup: string;
  website: string | null;
  logoFileId: string | null;
  description: LocalizedText;
}

interface Person {
  id: string;
  name: string;
  nameLatin: string | null;
  countryCode: string | null;
  gender: string | null;
  email: string | null;
  phone: string | null;
  affiliations: Array<{ organizationId: string; organizationName: LocalizedText; title: LocalizedText }>;
}

interface Filters {
  q: string;
  country: string | null;
  continent: string | null;
  stakeholderGroup: string | null;
  sort: string;
}

function FilterBar({ filters, onChange }: { filters: Filters; onChange: (f: Filters) => void }) {
  const { t } = useTranslation(['directory', 'shell']);
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, md: 5 }}>
      <TextInput
        label={t('shell:common.search')}
        type="search"
        value={filters.q}
        onChange={(e) => onChange({ ...filters, q: e.currentTarget.value })}
        data-testid="directory-search"
      />
      <CountrySelect label={t('shell:common.country')} value={filters.country} onChange={(v) => onChange({ ...filters, country: v })} />
      <Select
        label={t('shell:common.continent')}
        clearable
        data={continents.map((c) => ({ value: c, label: t(`shell:continents.${c}`) }))}
        value={filters.continent}
        onChange={(v) => onChange({ ...filters, continent: v })}
      />
      <Select
        label={t('directory:org.group')}
        clearable
        data={stakeholderGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
        value={filters.stakeholderGroup}
        onChange={(v) => onChange({ ...filters, stakeholderGroup: v })}
      />
      <Select
        label={t('shell:common.sort')}
        data={(['name', 'country', 'created'] as const).map((s) => ({ value: s, label: t(`directory:sort.${s}`) }))}
        value={filters.sort}
        onChange={(v) => v && onChange({ ...filters, sort: v })}
        allowDeselect={false}
      />
    </SimpleGrid>
  );
}

function useListQuery<T>(kind: 'organizations' | 'people', filters: Filters, page: number) {
  const [debounced] = useDebouncedValue(filters, 250);
  const params = {
    q: debounced.q,
    country: debounced.country,
    continent: debounced.continent,
    stakeholderGroup: debounced.stakeholderGroup,
    sort: debounced.sort,
    order: debounced.sort === 'created' ? 'desc' : 'asc',
  };
  const list = useQuery({
    queryKey: ['directory', kind, params, page],
    queryFn: () => api.get<{ items: T[]; total: number }>(`/api/v1/directory/${kind}${qs({ ...params, page, pageSize: 25 })}`),
    placeholderData: keepPreviousData,
  });
  const exportUrl = (format: 'csv' | 'xlsx') =>
    `/api/v1/directory/export/${kind}${qs({ ...params, sort: undefined, order: undefined, format })}`;
  return { list, exportUrl };
}

function ExportMenu({ url }: { url: (f: 'csv' | 'xlsx') => string }) {
  const { t } = useTranslation();
  const notify = useNotify();
  return (
    <Menu>
      <Menu.Target>
        <Button variant="default">{t('common.export')}</Button>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item onClick={() => download(url('csv')).catch(notify.error)}>CSV</Menu.Item>
        <Menu.Item onClick={() => download(url('xlsx')).catch(notify.error)}>XLSX</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const emptyFilters: Filters = { q: '', country: null, continent: null, stakeholderGroup: null, sort: 'name' };

export function OrganizationsPage() {
  const { t } = useTranslation(['directory', 'shell']);
  const countryName = useCountryName();
  const [filters, setFilters] = useState(emptyFilters);
  const [page, setPage] = useState(1);
  const { list, exportUrl } = useListQuery<Organization>('organizations', filters, page);
  const [editing, setEditing] = useState<Organization | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('org.title')}</Title>
        <Group>
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('shell:common.import')}
          </Button>
          <ExportMenu url={exportUrl} />
          <Button onClick={() => setEditing('new')}>{t('org.new')}</Button>
        </Group>
      </Group>
      <FilterBar
        filters={filters}
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <ErrorAlert error={list.error} />
      <ScrollArea>
        <Table striped highlightOnHover data-testid="organizations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('org.name')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('org.group')}</Table.Th>
              <Table.Th>{t('shell:common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((o) => (
              <Table.Tr key={o.id}>
                <Table.Td>
                  <Group gap="sm" wrap="nowrap">
                    <Avatar src={o.logoFileId ? `/api/v1/files/logos/${o.logoFileId}` : null} alt="" size="sm" radius="sm" />
                    <div>
                      <Text size="sm" fw={500}>
                        <LText value={o.name} />
                      </Text>
                      {o.shortName ? (
                        <Text size="xs" c="dimmed">
                          {o.shortName}
                        </Text>
                      ) : null}
                    </div>
                  </Group>
                </Table.Td>
                <Table.Td>{countryName(o.countryCode)}</Table.Td>
                <Table.Td>{t(`shell:stakeholders.${o.stakeholderGroup}`)}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(o)}>
                    {t('shell:common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      {list.data && list.data.items.length === 0 ? <Text c="dimmed">{t('shell:common.noResults')}</Text> : null}
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      {editing ? <OrganizationModal org={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {importing ? (
        <ImportDialog
          url={(dryRun) => `/api/v1/directory/import/organizations?dryRun=${dryRun}`}
          columns={t('import.orgColumns')}
          invalidate="directory"
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Stack>
  );
}

function OrganizationModal({ org, onClose }: { org: Organization | null; onClose: () => void }) {
  const { t } = useTranslation(['directory', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [form, setForm] = useState({
    name: org?.name ?? {},
    shortName: org?.shortName ?? '',
    countryCode: org?.countryCode ?? null,
    stakeholderGroup: org?.stakeholderGroup ?? null,
    website: org?.website ?? '',
    description: org?.description ?? {},
  });
  const [logo, setLogo] = useState<File | null>(null);
  const save = useMutation({
    mutationFn: async () => {
      const body = { ...form, shortName: form.shortName || null, website: form.website || null };
      const saved = org
        ? await api.put<Organization>(`/api/v1/directory/organizations/${org.id}`, body)
        : await api.post<Organization>('/api/v1/directory/organizations', body);
      if (logo) await api.upload(`/api/v1/directory/organizations/${saved.id}/logo`, logo, 'PUT');
      return saved;
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['directory'] });
      notify.ok();
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/directory/organizations/${org!.id}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['directory'] });
      notify.ok(t('shell:common.deleted'));
      onClose();
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  const label = useLocalized()(org?.name);
  return (
    <Modal opened onClose={onClose} title={org ? t('org.edit') : t('org.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <LocalizedInput
            label={t('org.name')}
            name="name"
            required
            value={form.name}
            onChange={(name) => setForm({ ...form, name })}
            error={err?.field('name')}
          />
          <TextInput
            label={t('org.shortName')}
            value={form.shortName}
            onChange={(e) => setForm({ ...form, shortName: e.currentTarget.value })}
            error={err?.field('shortName')}
          />
          <CountrySelect
            label={t('shell:common.country')}
            required
            value={form.countryCode}
            onChange={(v) => setForm({ ...form, countryCode: v })}
            error={err?.field('countryCode')}
          />
          <Select
            label={t('org.group')}
            required
            data={stakeholderGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
            value={form.stakeholderGroup}
            onChange={(v) => setForm({ ...form, stakeholderGroup: v })}
            error={err?.field('stakeholderGroup')}
          />
          <TextInput
            label={t('shell:common.website')}
            type="url"
            placeholder="https://"
            value={form.website}
            onChange={(e) => setForm({ ...form, website: e.currentTarget.value })}
            error={err?.field('website')}
          />
          <LocalizedInput
            label={t('org.description')}
            multiline
            value={form.description}
            onChange={(description) => setForm({ ...form, description })}
          />
          <FileInput
            label={t('org.uploadLogo')}
            accept="image/png,image/jpeg,image/webp,image/gif"
            value={logo}
            onChange={setLogo}
            clearable
          />
          <ErrorAlert error={save.error ?? remove.error} />
          <Group justify="space-between">
            {org ? (
              <Button
                color="red"
                variant="subtle"
                onClick={() => window.confirm(t('org.confirmDelete', { name: label.text })) && remove.mutate()}
                loading={remove.isPending}
              >
                {t('shell:common.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('shell:common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('shell:common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

export function PeoplePage() {
  const { t } = useTranslation(['directory', 'shell']);
  const countryName = useCountryName();
  const [filters, setFilters] = useState(emptyFilters);
  const [page, setPage] = useState(1);
  const { list, exportUrl } = useListQuery<Person>('people', filters, page);
  const [editing, setEditing] = useState<Person | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('person.title')}</Title>
        <Group>
          <Button variant="default" onClick={() => setImporting(true)}>
            {t('shell:common.import')}
          </Button>
          <ExportMenu url={exportUrl} />
          <Button onClick={() => setEditing('new')}>{t('person.new')}</Button>
        </Group>
      </Group>
      <FilterBar
        filters={filters}
        onChange={(f) => {
          setFilters(f);
          setPage(1);
        }}
      />
      <ErrorAlert error={list.error} />
      <ScrollArea>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('person.affiliation')}</Table.Th>
              <Table.Th>{t('shell:common.country')}</Table.Th>
              <Table.Th>{t('shell:common.actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data?.items.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.name}
                  </Text>
                  {p.nameLatin && p.nameLatin !== p.name ? (
                    <Text size="xs" c="dimmed">
                      {p.nameLatin}
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>
                  {p.affiliations[0] ? (
                    <Text size="sm">
                      <LText value={p.affiliations[0].organizationName} />
                      {' · '}
                      <LText value={p.affiliations[0].title} />
                    </Text>
                  ) : null}
                </Table.Td>
                <Table.Td>{countryName(p.countryCode)}</Table.Td>
                <Table.Td>
                  <Button size="compact-sm" variant="light" onClick={() => setEditing(p)}>
                    {t('shell:common.edit')}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      {editing ? <PersonModal person={editing === 'new' ? null : editing} onClose={() => setEditing(null)} /> : null}
      {importing ? (
        <ImportDialog
          url={(dryRun) => `/api/v1/directory/import/people?dryRun=${dryRun}`}
          columns={t('import.personColumns')}
          invalidate="directory"
          onClose={() => setImporting(false)}
        />
      ) : null}
    </Stack>
  );
}

/** Picks an organization by searching its name in any script. */
export function OrganizationPicker({
  value,
  onChange,
  label,
}: {
  value: string | null;
  onChange: (id: string | null) => void;
  label: string;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const show = useLocalized();
  const res = useQuery({
    queryKey: ['directory', 'org-picker', debounced],
    queryFn: () => api.get<{ items: Organization[] }>(`/api/v1/directory/organizations${qs({ q: debounced, pageSize: 20 })}`),
  });
  const current = useQuery({
    queryKey: ['directory', 'org', value],
    queryFn: () => api.get<Organization>(`/api/v1/directory/organizations/${value}`),
    enabled: !!value,
  });
  const items = [...(res.data?.items ?? [])];
  if (current.data && !items.some((o) => o.id === current.data.id)) items.unshift(current.data);
  return (
    <Select
      label={label}
      searchable
      clearable
      value={value}
      onChange={onChange}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      data={items.map((o) => ({ value: o.id, label: show(o.name).text }))}
    />
  );
}

function PersonModal({ person, onClose }: { person: Person | null; onClose: () => void }) {
  const { t } = useTranslation(['directory', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const first = person?.affiliations[0];
  const [form, setForm] = useState({
    name: person?.name ?? '',
    nameLatin: person?.nameLatin ?? '',
    countryCode: person?.countryCode ?? null,
    gender: person?.gender ?? null,
    email: person?.email ?? '',
    phone: person?.phone ?? '',
  });
  const [orgId, setOrgId] = useState<string | null>(first?.organizationId ?? null);
  const [title, setTitle] = useState<LocalizedText>(first?.title ?? {});
  const save = useMutation({
    mutationFn: () => {
      const body = {
        ...form,
        nameLatin: form.nameLatin || null,
        email: form.email || null,
        phone: form.phone || null,
        affiliations: orgId ? [{ organizationId: orgId, title }] : [],
      };
      return person ? api.put(`/api/v1/directory/people/${person.id}`, body) : api.post('/api/v1/directory/people', body);
    },
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['directory'] });
      notify.ok();
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.delete(`/api/v1/directory/people/${person!.id}`),
    onSuccess: async () => {
      await qc.invalidateQueries({ queryKey: ['directory'] });
      onClose();
    },
  });
  const err = save.error instanceof ApiError ? save.error : null;
  return (
    <Modal opened onClose={onClose} title={person ? t('person.edit') : t('person.new')} size="lg">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <Stack>
          <TextInput
            label={t('person.name')}
            required
            value={form.name}
            onChange={(e) => setForm({ ...form, name: e.currentTarget.value })}
            error={err?.field('name')}
          />
          <TextInput
            label={t('person.nameLatin')}
            value={form.nameLatin}
            onChange={(e) => setForm({ ...form, nameLatin: e.currentTarget.value })}
          />
          <CountrySelect
            label={t('shell:common.country')}
            value={form.countryCode}
            onChange={(v) => setForm({ ...form, countryCode: v })}
            error={err?.field('countryCode')}
          />
          <Select
            label={t('person.gender')}
            clearable
            data={(['female', 'male', 'other', 'undisclosed'] as const).map((g) => ({ value: g, label: t(`shell:genders.${g}`) }))}
            value={form.gender}
            onChange={(v) => setForm({ ...form, gender: v })}
          />
          <TextInput
            label={t('shell:common.email')}
            type="email"
            value={form.email}
            onChange={(e) => setForm({ ...form, email: e.currentTarget.value })}
            error={err?.field('email')}
          />
          <TextInput
            label={t('shell:common.phone')}
            type="tel"
            value={form.phone}
            onChange={(e) => setForm({ ...form, phone: e.currentTarget.value })}
            error={err?.field('phone')}
          />
          <OrganizationPicker label={t('person.affiliation')} value={orgId} onChange={setOrgId} />
          {orgId ? <LocalizedInput label={t('person.jobTitle')} value={title} onChange={setTitle} /> : null}
          <ErrorAlert error={save.error ?? remove.error} />
          <Group justify="space-between">
            {person ? (
              <Button
                color="red"
                variant="subtle"
                onClick={() => window.confirm(t('person.confirmDelete', { name: person.name })) && remove.mutate()}
              >
                {t('shell:common.delete')}
              </Button>
            ) : (
              <span />
            )}
            <Group>
              <Button variant="default" onClick={onClose}>
                {t('shell:common.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('shell:common.save')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
