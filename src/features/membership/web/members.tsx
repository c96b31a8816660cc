import {
  Alert,
  Anchor,
  Avatar,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Switch,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { Pager } from '../../../web/components/Pager';
import { api, qs } from '../../../web/api';
import { CountrySelect, LocalizedInput, useCountryName, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { prefixOf, useLocale, type LocalizedText } from '../../../web/i18n';
import { LText } from '../../../web/localized';
import { continents, memberGroups, MembershipError, StatusBadge, useMembershipError } from './shared';
import { isStaff, useMe } from '../../../web/session';
import { notifications } from '@mantine/notifications';

interface PublicMember {
  id: string;
  kind: string;
  name: LocalizedText;
  shortName: string | null;
  countryCode: string | null;
  continent: string | null;
  stakeholderGroup: string;
  categoryName: LocalizedText;
  website: string | null;
  logoUrl: string | null;
  description: LocalizedText;
  sector: string | null;
  memberSince: string;
}

/** The public member directory: search in any script, filter by country, continent, stakeholder group. */
export function MemberDirectoryPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const locale = useLocale();
  const countryName = useCountryName();
  const [q, setQ] = useState('');
  const [country, setCountry] = useState<string | null>(null);
  const [continent, setContinent] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [page, setPage] = useState(1);
  const [dq] = useDebouncedValue(q, 250);
  const params = { q: dq, country, continent, stakeholderGroup: group, page, pageSize: 24 };
  const list = useQuery({
    queryKey: ['membership', 'public', params],
    queryFn: () => api.get<{ items: PublicMember[]; total: number }>(`/api/v1/membership/members${qs(params)}`),
    placeholderData: keepPreviousData,
  });
  return (
    <Stack>
      <Title order={1}>{t('members.title')}</Title>
      <Text>{t('members.intro')}</Text>
      <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
        <TextInput
          label={t('members.search')}
          type="search"
          value={q}
          onChange={(e) => {
            setQ(e.currentTarget.value);
            setPage(1);
          }}
          data-testid="member-search"
        />
        <CountrySelect
          label={t('shell:common.country')}
          value={country}
          onChange={(v) => {
            setCountry(v);
            setPage(1);
          }}
        />
        <Select
          label={t('shell:common.continent')}
          clearable
          data={continents.map((c) => ({ value: c, label: t(`shell:continents.${c}`) }))}
          value={continent}
          onChange={(v) => {
            setContinent(v);
            setPage(1);
          }}
        />
        <Select
          label={t('apply.group')}
          clearable
          data={memberGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
          value={group}
          onChange={(v) => {
            setGroup(v);
            setPage(1);
          }}
        />
      </SimpleGrid>
      <MembershipError error={list.error} />
      <Text size="sm" aria-live="polite">
        {t('shell:common.total', { count: list.data?.total ?? 0 })}
      </Text>
      {list.data?.total === 0 ? <Text>{t('members.none')}</Text> : null}
      <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} data-testid="member-results">
        {list.data?.items.map((m) => (
          <Card key={m.id} withBorder component={Link} to={`/${prefixOf[locale]}/members/${m.id}`} data-testid="member-card">
            <Group wrap="nowrap">
              <Avatar src={m.logoUrl} alt="" radius="sm" />
              <div>
                <Text fw={600}>
                  <LText value={m.name} />
                </Text>
                <Text size="sm" c="dimmed">
                  {countryName(m.countryCode)} · {t(`shell:stakeholders.${m.stakeholderGroup}`)}
                </Text>
              </div>
            </Group>
          </Card>
        ))}
      </SimpleGrid>
      <Pager total={list.data?.total ?? 0} page={page} pageSize={24} onChange={setPage} />
    </Stack>
  );
}

export function MemberPage() {
  const { id } = useParams();
  const { t } = useTranslation(['membership', 'shell']);
  const locale = useLocale();
  const countryName = useCountryName();
  const f = useFormat();
  const q = useQuery({ queryKey: ['membership', 'public', id], queryFn: () => api.get<PublicMember>(`/api/v1/membership/members/${id}`) });
  const m = q.data;
  return (
    <Stack maw={860}>
      <Anchor component={Link} to={`/${prefixOf[locale]}/members`}>
        ← {t('members.back')}
      </Anchor>
      <MembershipError error={q.error} />
      {m ? (
        <>
          <Group wrap="nowrap">
            <Avatar src={m.logoUrl} alt="" size="xl" radius="sm" />
            <div>
              <Title order={1}>
                <LText value={m.name} />
              </Title>
              {m.shortName ? <Text c="dimmed">{m.shortName}</Text> : null}
            </div>
          </Group>
          <Group gap="xs">
            <Badge variant="light">{countryName(m.countryCode)}</Badge>
            {m.continent ? <Badge variant="light">{t(`shell:continents.${m.continent}`)}</Badge> : null}
            <Badge variant="light">{t(`shell:stakeholders.${m.stakeholderGroup}`)}</Badge>
            <Badge variant="outline">
              <LText value={m.categoryName} />
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {t('members.since', { date: f.date(m.memberSince) })}
          </Text>
          {m.sector ? (
            <Text>
              {t('members.sector')}: {m.sector}
            </Text>
          ) : null}
          {m.website ? (
            <Anchor href={m.website} target="_blank" rel="noopener noreferrer">
              {m.website}
            </Anchor>
          ) : null}
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <LText value={m.description} />
          </Text>
        </>
      ) : null}
    </Stack>
  );
}

interface PortalMembership {
  id: string;
  status: string;
  applicantKind: string;
  name: LocalizedText;
  organizationId: string | null;
  renewalDate: string;
  graceUntil: string | null;
  directoryOptIn: boolean;
  sector: string | null;
  description: LocalizedText;
  website: string | null;
  logoFileId: string | null;
  representatives: Array<{ userId: string; name: string; email: string }>;
  invitations: Array<{ id: string; email: string; name: string; expiresAt: string }>;
}

/** The member portal: the memberships this account keeps. */
export function PortalPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const list = useQuery({ queryKey: ['membership', 'portal'], queryFn: () => api.get<PortalMembership[]>('/api/v1/membership/portal') });
  return (
    <Stack>
      <Title order={1}>{t('portal.title')}</Title>
      <MembershipError error={list.error} />
      {list.data?.length === 0 ? <Text>{t('portal.none')}</Text> : null}
      {list.data?.map((m) => (
        <PortalCard key={m.id} initial={m} />
      ))}
    </Stack>
  );
}

function PortalCard({ initial }: { initial: PortalMembership }) {
  const { t } = useTranslation(['membership', 'shell']);
  const notify = useNotify();
  const errorText = useMembershipError();
  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorText(e) });
  const staff = isStaff(useMe().data);
  const f = useFormat();
  const qc = useQueryClient();
  const [m, setM] = useState(initial);
  const [description, setDescription] = useState<LocalizedText>(initial.description);
  const [website, setWebsite] = useState(initial.website ?? '');
  const [sector, setSector] = useState(initial.sector ?? '');
  const [logo, setLogo] = useState<File | null>(null);
  const [rep, setRep] = useState({ name: '', email: '' });
  useEffect(() => setM(initial), [initial]);
  const done = (next: PortalMembership) => {
    setM(next);
    void qc.invalidateQueries({ queryKey: ['membership', 'portal'] });
  };
  const base = `/api/v1/membership/portal/${m.id}`;
  const save = useMutation({
    mutationFn: () => api.put<PortalMembership>(`${base}/profile`, { description, website, sector }),
    onSuccess: (r) => {
      done(r);
      notify.ok();
    },
    onError: notify.error,
  });
  const optIn = useMutation({
    mutationFn: (v: boolean) => api.put<PortalMembership>(`${base}/directory`, { optIn: v }),
    onSuccess: (r) => {
      done(r);
      notify.ok();
    },
    onError: notify.error,
  });
  const upload = useMutation({
    mutationFn: () => api.upload<PortalMembership>(`${base}/logo`, logo!, 'PUT'),
    onSuccess: (r) => {
      done(r);
      setLogo(null);
      notify.ok();
    },
    onError: notify.error,
  });
  const addRep = useMutation({
    mutationFn: () => api.post<PortalMembership>(`${base}/representatives`, rep),
    onSuccess: (r) => {
      done(r);
      setRep({ name: '', email: '' });
      notify.ok(staff ? undefined : t('portal.invited'));
    },
    onError: fail,
  });
  const removeRep = useMutation({
    mutationFn: (userId: string) => api.delete<PortalMembership>(`${base}/representatives/${userId}`),
    onSuccess: (r) => {
      done(r);
      notify.ok();
    },
    onError: fail,
  });
  const resend = useMutation({
    mutationFn: (id: string) => api.post<PortalMembership>(`${base}/invitations/${id}/resend`, {}),
    onSuccess: (r) => {
      done(r);
      notify.ok(t('portal.invited'));
    },
    onError: fail,
  });
  const cancel = useMutation({
    mutationFn: (id: string) => api.delete<PortalMembership>(`${base}/invitations/${id}`),
    onSuccess: (r) => {
      done(r);
      notify.ok();
    },
    onError: fail,
  });
  return (
    <Paper withBorder p="md" data-testid="portal-membership">
      <Stack>
        <Group justify="space-between">
          <Title order={2}>
            <LText value={m.name} />
          </Title>
          <StatusBadge status={m.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {m.status === 'grace' && m.graceUntil
            ? t('portal.graceUntil', { date: f.date(m.graceUntil) })
            : t('portal.renewal', { date: f.date(m.renewalDate) })}
        </Text>
        <Switch
          label={t('portal.directory')}
          checked={m.directoryOptIn}
          onChange={(e) => optIn.mutate(e.currentTarget.checked)}
          description={m.directoryOptIn ? t('portal.listed') : t('portal.notListed')}
          data-testid="directory-opt-in"
        />
        <Title order={3}>{t('portal.profile')}</Title>
        {m.organizationId ? (
          <>
            <LocalizedInput label={t('portal.description')} name="description" multiline value={description} onChange={setDescription} />
            <TextInput
              label={t('portal.website')}
              placeholder="https://"
              value={website}
              onChange={(e) => setWebsite(e.currentTarget.value)}
              data-testid="profile-website"
            />
          </>
        ) : null}
        <TextInput
          label={t('portal.sector')}
          value={sector}
          onChange={(e) => setSector(e.currentTarget.value)}
          data-testid="profile-sector"
        />
        <Group>
          <Button onClick={() => save.mutate()} loading={save.isPending} data-testid="save-profile">
            {t('shell:common.save')}
          </Button>
        </Group>
        {m.organizationId ? (
          <>
            <Group align="flex-end">
              <Avatar src={m.logoFileId ? `/api/v1/files/logos/${m.logoFileId}` : null} alt="" radius="sm" size="lg" />
              <FileInput
                label={t('portal.uploadLogo')}
                accept="image/png,image/jpeg,image/webp,image/gif"
                value={logo}
                onChange={setLogo}
                clearable
                w={280}
              />
              <Button variant="default" disabled={!logo} loading={upload.isPending} onClick={() => upload.mutate()}>
                {t('apply.upload')}
              </Button>
            </Group>
            <Title order={3}>{t('portal.representatives')}</Title>
            <Table>
              <Table.Tbody>
                {m.representatives.map((r) => (
                  <Table.Tr key={r.userId}>
                    <Table.Td>{r.name}</Table.Td>
                    <Table.Td>{r.email}</Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        disabled={m.representatives.length < 2}
                        onClick={() => removeRep.mutate(r.userId)}
                      >
                        {t('portal.remove')}
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
            {m.invitations.length ? (
              <>
                <Title order={4}>{t('portal.invitations')}</Title>
                <Stack gap="xs" data-testid="rep-invitations">
                  {m.invitations.map((i) => {
                    const expired = new Date(i.expiresAt) < new Date();
                    return (
                      <Group key={i.id} justify="space-between" wrap="wrap" gap="xs">
                        <div>
                          <Text>
                            {i.name} · <span style={{ overflowWrap: 'anywhere' }}>{i.email}</span>
                          </Text>
                          <Text size="sm" c={expired ? 'red' : 'dimmed'}>
                            {expired ? t('portal.expired') : t('portal.expires', { date: f.date(i.expiresAt) })}
                          </Text>
                        </div>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            loading={resend.isPending && resend.variables === i.id}
                            onClick={() => resend.mutate(i.id)}
                          >
                            {t('portal.resend')}
                          </Button>
                          <Button
                            size="xs"
                            variant="subtle"
                            color="red"
                            loading={cancel.isPending && cancel.variables === i.id}
                            onClick={() => cancel.mutate(i.id)}
                          >
                            {t('portal.cancelInvitation')}
                          </Button>
                        </Group>
                      </Group>
                    );
                  })}
                </Stack>
              </>
            ) : null}
            {staff ? null : (
              <Text size="sm" c="dimmed">
                {t('portal.inviteHint')}
              </Text>
            )}
            <Group align="flex-end">
              <TextInput label={t('apply.repName')} value={rep.name} onChange={(e) => setRep({ ...rep, name: e.currentTarget.value })} />
              <TextInput
                label={t('apply.repEmail')}
                type="email"
                value={rep.email}
                onChange={(e) => setRep({ ...rep, email: e.currentTarget.value })}
              />
              <Button
                variant="default"
                disabled={!rep.name || !rep.email}
                loading={addRep.isPending}
                onClick={() => addRep.mutate()}
                data-testid="add-representative"
              >
                {staff ? t('portal.add') : t('portal.invite')}
              </Button>
            </Group>
          </>
        ) : null}
      </Stack>
    </Paper>
  );
}

interface InvitationView {
  status: 'pending' | 'accepted' | 'declined' | 'cancelled' | 'expired';
  email: string;
  name: string;
  organization: LocalizedText;
  invitedBy: string | null;
  expiresAt: string;
  membershipId: string;
  forYou: boolean;
}

/** The invitee's page, from the link in the invitation mail: accept or decline, as the invited address only. */
export function InvitationPage() {
  const { t } = useTranslation(['membership', 'shell']);
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const me = useMe().data;
  const f = useFormat();
  const qc = useQueryClient();
  const url = `/api/v1/membership/invitations/${encodeURIComponent(token)}`;
  const view = useQuery({
    queryKey: ['membership', 'invitation', token],
    queryFn: () => api.get<InvitationView>(url),
    enabled: token.length > 0,
    retry: false,
  });
  const answer = useMutation({
    mutationFn: (what: 'accept' | 'decline') => api.post<{ ok: true }>(`${url}/${what}`, {}),
    // Accepting changes the account's roles: everything cached about it is stale.
    onSuccess: () => qc.invalidateQueries(),
  });
  const v = view.data;
  return (
    <Stack maw={640}>
      <Title order={1}>{t('invitation.title')}</Title>
      {!token ? <Text>{t('invitation.noToken')}</Text> : null}
      <MembershipError error={view.error ?? answer.error} />
      {v ? (
        <Paper withBorder p="md" data-testid="invitation">
          <Stack>
            <Title order={2}>
              <LText value={v.organization} />
            </Title>
            {v.status === 'pending' ? (
              <>
                <Text>{v.invitedBy ? t('invitation.intro', { inviter: v.invitedBy }) : t('invitation.introNoInviter')}</Text>
                <Text>{t('invitation.forAddress', { email: v.email })}</Text>
                <Text size="sm" c="dimmed">
                  {t('invitation.validUntil', { date: f.date(v.expiresAt) })}
                </Text>
                {v.forYou ? (
                  <Group>
                    <Button
                      onClick={() => answer.mutate('accept')}
                      loading={answer.isPending && answer.variables === 'accept'}
                      data-testid="accept-invitation"
                    >
                      {t('invitation.accept')}
                    </Button>
                    <Button
                      variant="default"
                      onClick={() => answer.mutate('decline')}
                      loading={answer.isPending && answer.variables === 'decline'}
                      data-testid="decline-invitation"
                    >
                      {t('invitation.decline')}
                    </Button>
                  </Group>
                ) : (
                  <Alert color="orange" variant="light" data-testid="invitation-other-account">
                    {t('invitation.otherAccount', { me: me?.user?.email ?? '', email: v.email })}
                  </Alert>
                )}
              </>
            ) : (
              <Text data-testid="invitation-status">{t(`invitation.${v.status}`)}</Text>
            )}
            {v.status === 'accepted' && v.forYou ? (
              <Anchor component={Link} to="/my/membership">
                {t('invitation.portal')}
              </Anchor>
            ) : null}
          </Stack>
        </Paper>
      ) : null}
    </Stack>
  );
}
