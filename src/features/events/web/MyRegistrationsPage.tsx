import { Anchor, Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQueries, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { urlOf } from '../../../platform/http/contract';
import { call, download, invalidate, query } from '../../../web/api';
import { eventsApi } from '../contract';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { LText, useLocalized } from '../../../web/localized';

export function MyRegistrationsPage() {
  const { t } = useTranslation(['events', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const localized = useLocalized();
  const regs = useQuery(query(eventsApi.myRegistrations));
  const evs = useQuery(query(eventsApi.list));
  const agendaLink = useQuery(query(eventsApi.agendaLink));
  const agendas = useQueries({
    queries: [...new Set((regs.data ?? []).map((r) => r.eventId))].map((id) => query(eventsApi.agenda, { params: { id } })),
  });
  const sessionsOf = (eventId: string) => agendas.find((a) => a.data?.event.id === eventId)?.data?.sessions ?? [];
  const refresh = () => invalidate(qc, eventsApi.myRegistrations);
  const act = useMutation({ mutationFn: (fn: () => Promise<unknown>) => fn(), onSuccess: refresh, onError: notify.error });
  return (
    <Stack>
      <Title order={1}>{t('events:mine.title')}</Title>
      <ErrorAlert error={regs.error} />
      {regs.data?.length === 0 && <Text>{t('events:mine.empty')}</Text>}
      {regs.data?.map((r) => {
        const ev = evs.data?.find((e) => e.id === r.eventId);
        const sessions = sessionsOf(r.eventId);
        return (
          <Card key={r.id} withBorder data-testid="my-registration">
            <Group justify="space-between">
              <Title order={2} size="h4">
                {ev ? <LText value={ev.name} /> : r.eventId}
              </Title>
              <Badge data-testid="registration-status">{t(`events:status.${r.status}`)}</Badge>
            </Group>
            {r.reason && <Text c="red">{t('events:mine.reason', { reason: r.reason })}</Text>}
            <Stack gap={4} mt="sm">
              {sessions
                .filter((s) => s.capacity != null)
                .map((s) => {
                  const su = r.signups.find((x) => x.sessionId === s.id);
                  return (
                    <Group key={s.id} justify="space-between" data-testid="my-session">
                      <Text>
                        <LText value={s.title} />{' '}
                        {su ? (
                          <Badge variant="filled" color={su.status === 'confirmed' ? 'teal.9' : 'orange.9'}>
                            {su.status === 'waitlisted'
                              ? t('events:mine.position', { position: su.position })
                              : t(`events:status.${su.status}`)}
                          </Badge>
                        ) : null}
                        {s.cancelled && (
                          <Badge variant="filled" color="red.9">
                            {t('events:agenda.cancelled')}
                          </Badge>
                        )}
                      </Text>
                      {r.status !== 'cancelled' &&
                        r.status !== 'rejected' &&
                        (su || !s.cancelled) &&
                        (su ? (
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => act.mutate(() => call(eventsApi.leaveSession, { params: { id: r.id, sessionId: s.id } }))}
                          >
                            {t('events:mine.leave')}
                          </Button>
                        ) : (
                          <Button
                            size="xs"
                            variant="light"
                            onClick={() => act.mutate(() => call(eventsApi.signUp, { params: { id: r.id }, body: { sessionId: s.id } }))}
                          >
                            {t('events:mine.join')}
                          </Button>
                        ))}
                    </Group>
                  );
                })}
            </Stack>
            <Group mt="sm">
              {r.status === 'approved' && r.attendance === 'on-site' && (
                <>
                  <Button
                    size="xs"
                    variant="default"
                    onClick={() => download(urlOf(eventsApi.badge, { params: { id: r.id } })).catch(notify.error)}
                  >
                    {t('events:mine.badge')}
                  </Button>
                  {r.visaRevokedAt ? (
                    <Text size="sm" c="red.9">
                      {t('shell:errors.visa_letter_revoked')}
                    </Text>
                  ) : (
                    <Button
                      size="xs"
                      variant="default"
                      onClick={() => download(urlOf(eventsApi.visaLetter, { params: { id: r.id } })).catch(notify.error)}
                    >
                      {t('events:mine.visa')}
                    </Button>
                  )}
                </>
              )}
              {r.accessUrl && (
                <Button size="xs" component="a" href={r.accessUrl}>
                  {t('events:mine.access')}
                </Button>
              )}
              {r.status !== 'cancelled' && (
                <ConfirmButton
                  size="xs"
                  color="red"
                  variant="subtle"
                  label={t('events:mine.cancel')}
                  dismissLabel={t('shell:common.back')}
                  question={t('events:mine.confirmCancel', { event: ev ? localized(ev.name).text : '' })}
                  onConfirm={() => call(eventsApi.cancelRegistration, { params: { id: r.id } }).then(refresh)}
                />
              )}
            </Group>
          </Card>
        );
      })}
      {agendaLink.data && (
        <Text size="sm">
          {t('events:mine.agendaLink')}: <Anchor href={agendaLink.data.url}>{agendaLink.data.url}</Anchor>
        </Text>
      )}
    </Stack>
  );
}
