import { Badge, Button, Group, ScrollArea, Stack, Table, TextInput, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { query } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { EmptyState } from '../../../web/components/EmptyState';
import { Pager } from '../../../web/components/Pager';
import { useFormat } from '../../../web/format';
import { hasRole, useMe } from '../../../web/session';
import { accountsApi } from '../contract';
import { CreateStaffModal } from './CreateStaffModal';
import { RolesModal } from './RolesModal';

export type Account = Reply<typeof accountsApi.users>['items'][number];

/** /admin/users: every account, its roles and state; administrators set roles and create staff accounts. */
export function UsersPage() {
  const { t } = useTranslation(['accounts', 'shell']);
  const f = useFormat();
  const { data: me } = useMe();
  const isAdmin = hasRole(me, 'admin');
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const list = useQuery({ ...query(accountsApi.users, { query: { q, page, pageSize: 25 } }), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<Account | null>(null);
  const [creating, create] = useDisclosure(false);
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={1}>{t('shell:nav.users')}</Title>
        {isAdmin ? <Button onClick={create.open}>{t('auth.createStaff')}</Button> : null}
      </Group>
      <TextInput
        label={t('shell:common.search')}
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
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('shell:common.email')}</Table.Th>
              <Table.Th>{t('auth.roles')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
              {isAdmin ? <Table.Th>{t('shell:common.actions')}</Table.Th> : null}
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
                        {t(`roles.${r}`)}
                      </Badge>
                    ))}
                    {u.scopes.map((s) => (
                      <Badge key={`${s.role}${s.scopeId}`} size="sm" variant="outline">
                        {t(`scopeRoles.${s.role}`)}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                <Table.Td>
                  {u.lockedUntil && new Date(u.lockedUntil) > new Date() ? (
                    <Badge color="red">{t('auth.locked', { when: f.dateTime(u.lockedUntil) })}</Badge>
                  ) : u.emailVerifiedAt ? (
                    <Badge color="green" variant="light">
                      {t('auth.verified')}
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
      {list.data && list.data.items.length === 0 ? <EmptyState>{t('shell:common.noResults')}</EmptyState> : null}
      <Pager total={list.data?.total ?? 0} page={page} pageSize={25} onChange={setPage} />
      {editing ? <RolesModal account={editing} onClose={() => setEditing(null)} /> : null}
      <CreateStaffModal opened={creating} onClose={create.close} />
    </Stack>
  );
}
