import { Alert, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { ApiError, call, query } from '../../../web/api';
import { ErrorAlert } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { useRefreshMe } from '../../../web/session';
import { eventsApi, eventsPages } from '../contract';

/** Where the invitation mail leads: the invited person, signed in with that address, accepts. */
export function ManagerInvitationPage() {
  const { token = '' } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const refreshMe = useRefreshMe();
  const to = useTo();
  const q = useQuery({ ...query(eventsApi.managerInvitation, { params: { token } }), retry: false });
  const accept = useMutation({
    mutationFn: () => call(eventsApi.acceptManagerInvitation, { params: { token } }),
    onSuccess: refreshMe,
  });
  return (
    <Stack maw={640}>
      <Title order={1}>{t('events:managers.invitation.title')}</Title>
      {q.error instanceof ApiError && q.error.code === 'not_found' ? (
        <Alert color="red">{t('events:managers.invitation.notFound')}</Alert>
      ) : (
        <ErrorAlert error={q.error ?? accept.error} />
      )}
      {q.data ? (
        <>
          <Text size="lg">
            {t('events:managers.invitation.to')} <LText value={q.data.eventName} />
          </Text>
          {accept.data ? (
            <Alert color="green">
              {t('events:managers.invitation.accepted')}{' '}
              <Link to={to(eventsPages.adminEvent, { id: accept.data.eventId })}>{t('events:managers.invitation.open')}</Link>
            </Alert>
          ) : q.data.yours ? (
            <Group>
              <Button onClick={() => accept.mutate()} loading={accept.isPending}>
                {t('events:managers.invitation.accept')}
              </Button>
            </Group>
          ) : (
            <Alert color="yellow">{t('events:managers.invitation.otherAccount', { email: q.data.email })}</Alert>
          )}
        </>
      ) : null}
    </Stack>
  );
}
