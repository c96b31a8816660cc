import { Alert, Button, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, call, invalidate, query } from '../../../web/api';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { ErrorAlert } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { isStaff, useMe } from '../../../web/session';
import { eventsApi } from '../contract';

/** The "Managers" tab of an event's admin page: staff name and remove managers; a manager sees the list. */
export function ManagersTab({ eventId }: { eventId: string }) {
  const { t } = useTranslation(['events', 'shell']);
  const { data: me } = useMe();
  const staff = isStaff(me);
  const fmt = useFormat();
  const qc = useQueryClient();
  const [email, setEmail] = useState('');
  const [done, setDone] = useState<string | null>(null);
  const q = useQuery(query(eventsApi.managers, { params: { id: eventId } }));
  const refresh = () => invalidate(qc, eventsApi.managers);
  const add = useMutation({
    mutationFn: () => call(eventsApi.addManager, { params: { id: eventId }, body: { email } }),
    onMutate: () => setDone(null),
    onSuccess: (r) => {
      setDone(t(`events:managers.${r.status}`, { email }));
      setEmail('');
      return refresh();
    },
  });
  const remove = useMutation({
    mutationFn: (userId: string) => call(eventsApi.removeManager, { params: { id: eventId, userId } }),
    onSuccess: () => {
      setDone(null);
      return refresh();
    },
  });
  const withdraw = useMutation({
    mutationFn: (invitationId: string) => call(eventsApi.withdrawManagerInvitation, { params: { id: eventId, invitationId } }),
    onSuccess: () => {
      setDone(null);
      return refresh();
    },
  });
  const error = q.error ?? add.error;
  const data = q.data;
  return (
    <Stack>
      <Title order={2} size="h4">
        {t('events:managers.title')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('events:managers.intro')}
      </Text>
      <ErrorAlert error={error} />
      {done ? <Alert color="green">{done}</Alert> : null}
      {data && data.managers.length === 0 && data.pending.length === 0 ? <Text>{t('events:managers.none')}</Text> : null}
      {data && (data.managers.length > 0 || data.pending.length > 0) ? (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('shell:common.name')}</Table.Th>
              <Table.Th>{t('events:admin.email')}</Table.Th>
              <Table.Th>{t('shell:common.status')}</Table.Th>
              {staff ? <Table.Th>{t('shell:common.actions')}</Table.Th> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.managers.map((m) => (
              <Table.Tr key={m.userId}>
                <Table.Td>{m.name}</Table.Td>
                <Table.Td>{m.email}</Table.Td>
                <Table.Td>{t('events:managers.since', { date: fmt.date(m.since) })}</Table.Td>
                {staff ? (
                  <Table.Td>
                    <ConfirmButton
                      size="xs"
                      variant="default"
                      color="red"
                      label={t('events:managers.remove')}
                      question={t('events:managers.confirmRemove', { name: m.name })}
                      onConfirm={() => remove.mutateAsync(m.userId)}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
            {data.pending.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>—</Table.Td>
                <Table.Td>{p.email}</Table.Td>
                <Table.Td>{t('events:managers.pending', { date: fmt.date(p.expiresAt) })}</Table.Td>
                {staff ? (
                  <Table.Td>
                    <ConfirmButton
                      size="xs"
                      variant="default"
                      label={t('events:managers.withdraw')}
                      question={t('events:managers.confirmWithdraw', { email: p.email })}
                      onConfirm={() => withdraw.mutateAsync(p.id)}
                    />
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      {staff ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            add.mutate();
          }}
        >
          <Group align="flex-end">
            <TextInput
              label={t('events:managers.email')}
              type="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              error={add.error instanceof ApiError ? add.error.field('email') : undefined}
            />
            <Button type="submit" disabled={!email} loading={add.isPending}>
              {t('events:managers.add')}
            </Button>
          </Group>
        </form>
      ) : null}
    </Stack>
  );
}
