import { Alert, Badge, Button, Group, Paper, Select, SimpleGrid, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, ApiError } from '../../../web/api';
import { CountrySelect, LocalizedInput, useCountryName, useErrorText } from '../../../web/components/forms';
import type { LocalizedText } from '../../../web/i18n';
import { LText } from '../../../web/localized';
import { useFormat } from '../../../web/format';

export const stakeholderGroups = [
  'government',
  'international-organization',
  'business',
  'technical-community',
  'civil-society',
  'academia',
] as const;
export const memberGroups = [...stakeholderGroups, 'individual'] as const;
export const continents = ['africa', 'asia', 'europe', 'north-america', 'south-america', 'oceania'] as const;
export const genders = ['female', 'male', 'other', 'undisclosed'] as const;

export interface Category {
  id: string;
  key: string;
  name: LocalizedText;
  applicantKind: 'organization' | 'individual';
  requiredFields: string[];
  requiredDocuments: Array<{ key: string; label: LocalizedText }>;
}

export interface Rep {
  name: string;
  nameLatin?: string | null;
  email: string;
  title?: string | null;
}

export interface AppData {
  organization?: {
    name?: LocalizedText;
    shortName?: string | null;
    countryCode?: string | null;
    stakeholderGroup?: string | null;
    website?: string | null;
    description?: LocalizedText;
  };
  representatives?: Rep[];
  individual?: {
    name?: string;
    nameLatin?: string | null;
    countryCode?: string | null;
    gender?: string | null;
    title?: string | null;
    affiliation?: string | null;
  };
  motivation?: string | null;
}

export interface Application {
  id: string;
  status: string;
  applicantKind: 'organization' | 'individual';
  categoryKey: string;
  categoryName: LocalizedText;
  displayName: string;
  countryCode: string | null;
  continent: string | null;
  stakeholderGroup: string | null;
  submittedAt: string | null;
  createdAt: string;
  data: AppData;
  decisionReason: string | null;
  membershipId: string | null;
  applicantEmail?: string;
  documents: Array<{ id: string; docKey: string; filename: string; size: number; createdAt: string }>;
  messages: Array<{ id: string; authorName: string; authorRole: string; kind: string; internal: boolean; body: string; createdAt: string }>;
  requiredDocuments: Array<{ key: string; label: LocalizedText }>;
  requiredFields: string[];
  actions: string[];
}

export function useCategories() {
  return useQuery({
    queryKey: ['membership', 'categories'],
    queryFn: () => api.get<Category[]>('/api/v1/membership/categories'),
    staleTime: 60_000,
  });
}

/** Error text; an incomplete application also lists what is missing. */
export function useMembershipError() {
  const text = useErrorText();
  return (err: unknown) =>
    err instanceof ApiError && err.code === 'application_incomplete'
      ? `${text(err)} ${err.errors.map((e) => e.path.replace(/^data\./, '').replace(/^documents\./, '📎 ')).join(', ')}`
      : text(err);
}

export function MembershipError({ error }: { error: unknown }) {
  const text = useMembershipError();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" variant="light">
      {text(error)}
    </Alert>
  );
}

const statusColor: Record<string, string> = {
  draft: 'gray',
  submitted: 'blue',
  info_requested: 'orange',
  approved: 'green',
  rejected: 'red',
  withdrawn: 'gray',
  active: 'green',
  grace: 'yellow',
  lapsed: 'gray',
  suspended: 'orange',
  terminated: 'red',
};

export function StatusBadge({ status }: { status: string }) {
  const { t } = useTranslation('membership');
  return (
    <Badge color={statusColor[status] ?? 'gray'} variant="dot" data-testid="status" data-status={status}>
      {t(`status.${status}`)}
    </Badge>
  );
}

/** The form fields of an application, for an organization (with representatives) or an individual. */
export function ApplicationFields({
  kind,
  data,
  onChange,
  required = [],
}: {
  kind: 'organization' | 'individual';
  data: AppData;
  onChange: (d: AppData) => void;
  required?: string[];
}) {
  const { t } = useTranslation(['membership', 'shell']);
  const req = (path: string) => required.includes(path);
  const org = data.organization ?? {};
  const ind = data.individual ?? {};
  const reps = data.representatives ?? [];
  const setOrg = (patch: Partial<NonNullable<AppData['organization']>>) => onChange({ ...data, organization: { ...org, ...patch } });
  const setInd = (patch: Partial<NonNullable<AppData['individual']>>) => onChange({ ...data, individual: { ...ind, ...patch } });
  const setRep = (i: number, patch: Partial<Rep>) =>
    onChange({ ...data, representatives: reps.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <Stack>
      {kind === 'organization' ? (
        <>
          <Title order={3}>{t('apply.organization')}</Title>
          <LocalizedInput label={t('apply.orgName')} name="orgName" required value={org.name ?? {}} onChange={(v) => setOrg({ name: v })} />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('apply.shortName')}
              value={org.shortName ?? ''}
              onChange={(e) => setOrg({ shortName: e.currentTarget.value })}
            />
            <TextInput
              label={t('shell:common.website')}
              required={req('organization.website')}
              placeholder="https://"
              value={org.website ?? ''}
              onChange={(e) => setOrg({ website: e.currentTarget.value })}
              data-testid="org-website"
            />
            <CountrySelect
              label={t('shell:common.country')}
              required
              value={org.countryCode ?? null}
              onChange={(v) => setOrg({ countryCode: v })}
              data-testid="org-country"
            />
            <Select
              label={t('apply.group')}
              required
              data={stakeholderGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
              value={org.stakeholderGroup ?? null}
              onChange={(v) => setOrg({ stakeholderGroup: v })}
              data-testid="org-group"
            />
          </SimpleGrid>
          <LocalizedInput
            label={t('apply.description')}
            name="orgDescription"
            multiline
            value={org.description ?? {}}
            onChange={(v) => setOrg({ description: v })}
          />
          <Title order={3}>{t('apply.representatives')}</Title>
          {reps.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows of an editable list have no id; each input follows its row's position
            <Paper key={i} withBorder p="sm">
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label={t('apply.repName')}
                  required
                  value={r.name}
                  onChange={(e) => setRep(i, { name: e.currentTarget.value })}
                  data-testid={`rep-name-${i}`}
                />
                <TextInput
                  label={t('apply.repNameLatin')}
                  value={r.nameLatin ?? ''}
                  onChange={(e) => setRep(i, { nameLatin: e.currentTarget.value })}
                />
                <TextInput
                  label={t('apply.repEmail')}
                  required
                  type="email"
                  value={r.email}
                  onChange={(e) => setRep(i, { email: e.currentTarget.value })}
                  data-testid={`rep-email-${i}`}
                />
                <TextInput
                  label={t('apply.repTitle')}
                  value={r.title ?? ''}
                  onChange={(e) => setRep(i, { title: e.currentTarget.value })}
                />
              </SimpleGrid>
              <Button
                variant="default"
                size="xs"
                mt="xs"
                onClick={() => onChange({ ...data, representatives: reps.filter((_, j) => j !== i) })}
              >
                {t('apply.removeRep')}
              </Button>
            </Paper>
          ))}
          <Group>
            <Button
              variant="default"
              onClick={() => onChange({ ...data, representatives: [...reps, { name: '', email: '' }] })}
              data-testid="add-rep"
            >
              {t('apply.addRep')}
            </Button>
          </Group>
        </>
      ) : (
        <>
          <Title order={3}>{t('apply.individual')}</Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('apply.indName')}
              required
              value={ind.name ?? ''}
              onChange={(e) => setInd({ name: e.currentTarget.value })}
            />
            <TextInput
              label={t('apply.repNameLatin')}
              value={ind.nameLatin ?? ''}
              onChange={(e) => setInd({ nameLatin: e.currentTarget.value })}
            />
            <CountrySelect
              label={t('shell:common.country')}
              required
              value={ind.countryCode ?? null}
              onChange={(v) => setInd({ countryCode: v })}
            />
            <Select
              label={t('apply.gender')}
              clearable
              data={genders.map((g) => ({ value: g, label: t(`shell:genders.${g}`) }))}
              value={ind.gender ?? null}
              onChange={(v) => setInd({ gender: v })}
            />
            <TextInput label={t('apply.jobTitle')} value={ind.title ?? ''} onChange={(e) => setInd({ title: e.currentTarget.value })} />
            <TextInput
              label={t('apply.affiliation')}
              value={ind.affiliation ?? ''}
              onChange={(e) => setInd({ affiliation: e.currentTarget.value })}
            />
          </SimpleGrid>
        </>
      )}
      <Textarea
        label={t('apply.motivation')}
        required={req('motivation')}
        autosize
        minRows={3}
        value={data.motivation ?? ''}
        onChange={(e) => onChange({ ...data, motivation: e.currentTarget.value })}
        data-testid="motivation"
      />
    </Stack>
  );
}

/** Drops empty strings so a half-filled draft passes the server's checks. */
export function cleanData(d: AppData): AppData {
  const strip = <T extends object>(o: T | undefined) =>
    o ? (Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== null && v !== undefined)) as T) : undefined;
  const out: AppData = {};
  if (d.organization) out.organization = strip(d.organization);
  if (d.individual) out.individual = strip(d.individual);
  if (d.representatives) out.representatives = d.representatives.filter((r) => r.name || r.email).map((r) => strip(r) as Rep);
  if (d.motivation) out.motivation = d.motivation;
  return out;
}

/** A read-only view of an application's content. */
export function ApplicationView({ app }: { app: Application }) {
  const { t } = useTranslation(['membership', 'shell']);
  const countryName = useCountryName();
  const d = app.data;
  const row = (label: string, value: React.ReactNode) =>
    value ? (
      <Group gap="xs" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" w={160} style={{ flexShrink: 0 }}>
          {label}
        </Text>
        <Text size="sm" component="div">
          {value}
        </Text>
      </Group>
    ) : null;
  return (
    <Stack gap={6}>
      {row(t('apply.category'), <LText value={app.categoryName} />)}
      {d.organization ? (
        <>
          {row(t('apply.orgName'), <LText value={d.organization.name} />)}
          {row(t('apply.shortName'), d.organization.shortName)}
          {row(t('shell:common.country'), countryName(d.organization.countryCode))}
          {row(t('apply.group'), d.organization.stakeholderGroup ? t(`shell:stakeholders.${d.organization.stakeholderGroup}`) : null)}
          {row(t('shell:common.website'), d.organization.website)}
          {row(t('apply.description'), <LText value={d.organization.description} />)}
          {row(
            t('apply.representatives'),
            (d.representatives ?? []).map((r) => `${r.name}${r.title ? ` (${r.title})` : ''} <${r.email}>`).join('; '),
          )}
        </>
      ) : null}
      {d.individual ? (
        <>
          {row(t('apply.indName'), [d.individual.name, d.individual.nameLatin].filter(Boolean).join(' / '))}
          {row(t('shell:common.country'), countryName(d.individual.countryCode))}
          {row(t('apply.jobTitle'), d.individual.title)}
          {row(t('apply.affiliation'), d.individual.affiliation)}
        </>
      ) : null}
      {row(t('apply.motivation'), d.motivation)}
      {row(t('queue.applicant'), app.applicantEmail)}
    </Stack>
  );
}

/** The thread of an application; internal comments are marked (the server sends them to staff only). */
export function Thread({ app }: { app: Application }) {
  const { t } = useTranslation(['membership', 'shell']);
  const f = useFormat();
  return (
    <Stack gap="xs" data-testid="thread">
      {app.messages
        .filter((m) => m.kind !== 'status')
        .map((m) => (
          <Paper key={m.id} withBorder p="sm" bg={m.internal ? 'yellow.0' : undefined} data-internal={m.internal || undefined}>
            <Group justify="space-between">
              <Text size="xs" c="dimmed">
                {m.authorName || (m.authorRole === 'secretariat' ? t('shell:roles.secretariat') : t('queue.applicant'))} ·{' '}
                {f.dateTime(m.createdAt)}
              </Text>
              {m.internal ? (
                <Badge size="xs" variant="dot" color="yellow">
                  {t('queue.internalBadge')}
                </Badge>
              ) : m.kind === 'info_request' ? (
                <Badge size="xs" variant="dot" color="orange">
                  {t('queue.requestInfo')}
                </Badge>
              ) : null}
            </Group>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {m.body}
            </Text>
          </Paper>
        ))}
    </Stack>
  );
}
