import { Avatar, Button, FileInput, Group, Paper, Stack, Switch, Table, Text, TextInput, Title, VisuallyHidden } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Reply, urlOf } from '../../../platform/http/contract';
import { call, invalidate, upload } from '../../../web/api';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { EmptyState } from '../../../web/components/EmptyState';
import { LocalizedInput, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import type { LocalizedText } from '../../../web/i18n';
import { LText, useLocalized } from '../../../web/localized';
import { isStaff, useMe } from '../../../web/session';
import { directoryApi } from '../../directory/contract';
import { membershipApi as api } from '../contract';
import { MembershipError, useMembershipError } from './MembershipError';
import { StatusBadge } from './StatusBadge';

type PortalMembership = Reply<typeof api.portalMembership>;

/** One membership in the portal: directory listing, profile, logo, representatives and invitations. */
export function PortalCard({ initial }: { initial: PortalMembership }) {
  const { t } = useTranslation(['membership', 'shell']);
  const notify = useNotify();
  const errorText = useMembershipError();
  const fail = (e: unknown) => notifications.show({ color: 'red', message: errorText(e) });
  const staff = isStaff(useMe().data);
  const f = useFormat();
  const localized = useLocalized();
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
    void invalidate(qc, api.portal);
  };
  const params = { id: m.id };
  const save = useMutation({
    mutationFn: () => call(api.updateProfile, { params, body: { description, website, sector } }),
    onSuccess: (r) => {
      done(r);
      notify.ok();
    },
    onError: notify.error,
  });
  const optIn = useMutation({
    mutationFn: (v: boolean) => call(api.setDirectoryOptIn, { params, body: { optIn: v } }),
    onSuccess: (r) => {
      done(r);
      notify.ok();
    },
    onError: notify.error,
  });
  const uploadLogo = useMutation({
    mutationFn: (file: File) => upload(api.uploadLogo, params, file),
    onSuccess: (r) => {
      done(r);
      setLogo(null);
      notify.ok();
    },
    onError: notify.error,
  });
  const addRep = useMutation({
    mutationFn: () => call(api.addRepresentative, { params, body: rep }),
    onSuccess: (r) => {
      done(r);
      setRep({ name: '', email: '' });
      notify.ok(staff ? undefined : t('portal.invited'));
    },
    onError: fail,
  });
  const removeRep = useMutation({
    mutationFn: (userId: string) => call(api.removeRepresentative, { params: { ...params, userId } }),
    onSuccess: (r) => {
      done(r);
      notify.ok();
    },
  });
  const resend = useMutation({
    mutationFn: (invitationId: string) => call(api.resendInvitation, { params: { ...params, invitationId } }),
    onSuccess: (r) => {
      done(r);
      notify.ok(t('portal.invited'));
    },
    onError: fail,
  });
  const cancel = useMutation({
    mutationFn: (invitationId: string) => call(api.cancelInvitation, { params: { ...params, invitationId } }),
    onSuccess: (r) => {
      done(r);
      notify.ok();
    },
  });
  const membershipError = (error: unknown) => <MembershipError error={error} />;
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
              <Avatar src={m.logoFileId ? urlOf(directoryApi.logo, { params: { id: m.logoFileId } }) : null} alt="" radius="sm" size="lg" />
              <FileInput
                label={t('portal.uploadLogo')}
                accept="image/png,image/jpeg,image/webp,image/gif"
                value={logo}
                onChange={setLogo}
                clearable
                w={280}
              />
              <Button variant="default" disabled={!logo} loading={uploadLogo.isPending} onClick={() => logo && uploadLogo.mutate(logo)}>
                {t('apply.upload')}
              </Button>
            </Group>
            <Title order={3}>{t('portal.representatives')}</Title>
            {m.representatives.length ? (
              <Table data-testid="representatives">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t('apply.repName')}</Table.Th>
                    <Table.Th>{t('apply.repEmail')}</Table.Th>
                    <Table.Th>
                      <VisuallyHidden>{t('shell:common.actions')}</VisuallyHidden>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {m.representatives.map((r) => (
                    <Table.Tr key={r.userId}>
                      <Table.Td style={{ wordBreak: 'keep-all' }}>{r.name}</Table.Td>
                      <Table.Td style={{ overflowWrap: 'anywhere' }}>{r.email}</Table.Td>
                      <Table.Td>
                        <ConfirmButton
                          size="xs"
                          variant="default"
                          disabled={m.representatives.length < 2}
                          label={t('portal.remove')}
                          question={t('portal.confirmRemove', { name: r.name, email: r.email, member: localized(m.name).text })}
                          onConfirm={() => removeRep.mutateAsync(r.userId)}
                          renderError={membershipError}
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            ) : (
              <EmptyState>{t('portal.noRepresentatives')}</EmptyState>
            )}
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
                          <ConfirmButton
                            size="xs"
                            variant="subtle"
                            color="red"
                            label={t('portal.cancelInvitation')}
                            dismissLabel={t('shell:common.back')}
                            question={t('portal.confirmCancelInvitation', { email: i.email })}
                            onConfirm={() => cancel.mutateAsync(i.id)}
                            renderError={membershipError}
                          />
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
