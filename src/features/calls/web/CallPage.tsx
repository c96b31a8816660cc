import { Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, call } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { LText, useLocalized } from '../../../web/localized';
import { accountsPages } from '../../accounts/contract';
import { callsApi, callsPages } from '../contract';
import { callQuery } from './callQuery';
import { Nominate } from './Nominate';
import { Deadline } from './Deadline';

/** One call: its rules and categories; apply (or nominate) while it is open. */
export function CallPage() {
  const { id } = useParams();
  const { t } = useTranslation(['calls']);
  const { data: c, error } = useQuery(callQuery(id));
  const navigate = useNavigate();
  const to = useTo();
  const notify = useNotify();
  const loc = useLocalized();
  const start = useMutation({
    mutationFn: () => call(callsApi.startSubmission, { params: { id: id ?? '' }, body: { answers: {} } }),
    onSuccess: (s) => navigate(to(callsPages.submission, { id: s.id })),
    onError: (e) =>
      e instanceof ApiError && e.status === 401
        ? navigate(`${to(accountsPages.signIn)}?next=${encodeURIComponent(location.pathname)}`)
        : notify.error(e),
  });
  if (error) return <ErrorAlert error={error} />;
  if (!c) return null;
  return (
    <Stack>
      <Title order={1}>
        <LText value={c.title} /> · {c.year}
      </Title>
      <Group>
        <Badge color={c.isOpen ? 'green' : 'gray'}>{c.isOpen ? t('calls:call.open') : t('calls:call.closed')}</Badge>
        <Deadline call={c} />
      </Group>
      <Title order={2} size="h4">
        {t('calls:call.rules')}
      </Title>
      <Text style={{ whiteSpace: 'pre-wrap' }}>
        <LText value={c.rules} />
      </Text>
      {c.categories.length ? (
        <>
          <Title order={2} size="h4">
            {t('calls:call.categories')}
          </Title>
          <Group>
            {c.categories.map((o) => (
              <Badge key={o.value} variant="light">
                {loc(o.label).text}
              </Badge>
            ))}
          </Group>
        </>
      ) : null}
      {c.isOpen ? (
        <Button w="fit-content" onClick={() => start.mutate()} loading={start.isPending} data-testid="apply">
          {t('calls:call.apply')}
        </Button>
      ) : null}
      {c.isOpen && c.allowNominations ? <Nominate callId={c.id} /> : null}
    </Stack>
  );
}
