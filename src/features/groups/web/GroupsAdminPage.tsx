import { Anchor, Button, Card, Group, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, call, invalidate, query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { accountsApi } from '../../accounts/contract';
import { ErrorAlert, LocalizedInput, useNotify } from '../../../web/components/forms';
import type { LocalizedText } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { groupsApi, groupsPages } from '../contract';

/** Secretariat: create working groups, name the liaison, invite the chair. */
export function GroupsAdminPage() {
  const { t } = useTranslation(['groups', 'shell']);
  const to = useTo();
  const qc = useQueryClient();
  const notify = useNotify();
  const groups = useQuery(query(groupsApi.list));
  const staff = useQuery(query(accountsApi.users, { query: { role: 'secretariat', pageSize: 200 } }));
  const [slug, setSlug] = useState('');
  const [name, setName] = useState<LocalizedText>({});
  const [mandate, setMandate] = useState<LocalizedText>({});
  const [liaison, setLiaison] = useState<string | null>(null);
  const [chairEmail, setChairEmail] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () => call(groupsApi.create, { body: { slug, name, mandate, liaisonUserId: liaison } }),
    onSuccess: () => {
      setSlug('');
      setName({});
      setMandate({});
      invalidate(qc, groupsApi.list);
      notify.ok();
    },
    onError: notify.error,
  });
  const invite = useMutation({
    mutationFn: (v: { id: string; email: string }) =>
      call(groupsApi.invite, { params: { id: v.id }, body: { email: v.email, role: 'chair' } }),
    onSuccess: () => {
      setChairEmail({});
      notify.ok();
    },
    onError: notify.error,
  });
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <Stack>
      <Title order={1}>{t('groups:title')}</Title>
      {groups.error ? <ErrorAlert error={groups.error} /> : null}
      {groups.data?.length ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('groups:memberList')}</Table.Th>
              <Table.Th>{t('groups:inviteChair')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {groups.data.map((g) => (
              <Table.Tr key={g.id}>
                <Table.Td>
                  <Anchor component={Link} to={to(groupsPages.group, { slug: g.slug })}>
                    <LText value={g.name} />
                  </Anchor>
                </Table.Td>
                <Table.Td>{g.memberCount}</Table.Td>
                <Table.Td>
                  <Group gap="xs">
                    <TextInput
                      size="xs"
                      type="email"
                      aria-label={t('groups:inviteEmail')}
                      placeholder={t('groups:inviteEmail')}
                      value={chairEmail[g.id] ?? ''}
                      onChange={(e) => setChairEmail({ ...chairEmail, [g.id]: e.currentTarget.value })}
                    />
                    <Button size="xs" disabled={!chairEmail[g.id]} onClick={() => invite.mutate({ id: g.id, email: chairEmail[g.id] })}>
                      {t('groups:invite')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : groups.data ? (
        <EmptyState>{t('groups:noGroups')}</EmptyState>
      ) : null}
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('groups:newGroup')}
          </Title>
          <TextInput
            label={t('groups:slug')}
            value={slug}
            onChange={(e) => setSlug(e.currentTarget.value)}
            error={err?.field('slug')}
            required
          />
          <LocalizedInput label={t('shell:common.name')} value={name} onChange={setName} required error={err?.field('name')} />
          <LocalizedInput label={t('groups:mandate')} value={mandate} onChange={setMandate} multiline />
          <Select
            label={t('groups:liaison')}
            clearable
            value={liaison}
            onChange={setLiaison}
            data={(staff.data?.items ?? []).map((u) => ({ value: u.id, label: `${u.name} <${u.email}>` }))}
          />
          <Button onClick={() => create.mutate()} loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('shell:common.create')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
