import { Button, Checkbox, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { call, invalidate, query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import { useNotify } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { isStaff, useMe } from '../../../web/session';
import { groupsApi, groupsPages } from '../contract';

type Member = Reply<typeof groupsApi.members>[number];
/** The roles a chair invites to. */
const invitable = ['member', 'co_chair'] as const;

/** A group's members, invitations and requests; chairs invite, decide and remove, anyone leaves. */
export function Members({ slug, editor }: { slug: string; editor: boolean }) {
  const { t } = useTranslation(['groups', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'member' | 'co_chair'>('member');
  const [direct, setDirect] = useState(false);
  const { data: me } = useMe();
  const staff = isStaff(me);
  const to = useTo();
  const navigate = useNavigate();
  const q = useQuery(query(groupsApi.members, { params: { id: slug } }));
  const refresh = () => invalidate(qc, groupsApi.members);
  const invite = useMutation({
    mutationFn: () => call(groupsApi.invite, { params: { id: slug }, body: { email, role, direct: staff && direct } }),
    onSuccess: () => {
      setEmail('');
      return refresh();
    },
    onError: notify.error,
  });
  // Removing someone, withdrawing an invitation and leaving are one request; leaving ends one's own access.
  const remove = useMutation({
    mutationFn: (m: Member) => call(groupsApi.removeMember, { params: { id: slug, memberId: m.id } }),
    onSuccess: (_r, m) => {
      if (m.userId !== me?.user?.id) return refresh();
      qc.clear();
      navigate(to(groupsPages.group, { slug }));
    },
    onError: notify.error,
  });
  const removable = (m: Member) => m.userId !== me?.user?.id && editor && (m.role !== 'chair' || staff);
  const decide = useMutation({
    mutationFn: (v: { id: string; d: 'approve' | 'decline' }) =>
      call(groupsApi.decideRequest, { params: { id: slug, memberId: v.id, decision: v.d } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  return (
    <Stack>
      {q.data?.length ? (
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
            {q.data.map((m) => (
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
      ) : q.data ? (
        <EmptyState>{t('groups:noMembers')}</EmptyState>
      ) : null}
      {editor ? (
        <Group align="flex-end">
          <TextInput label={t('groups:inviteEmail')} type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} />
          <Select
            label={t('groups:roleLabel')}
            data={invitable.map((r) => ({ value: r, label: t(`groups:role.${r}`) }))}
            value={role}
            onChange={(v) => {
              const r = invitable.find((x) => x === v);
              if (r) setRole(r);
            }}
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
