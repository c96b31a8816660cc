import { Alert, Anchor, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { call, invalidate, query } from '../../../web/api';
import { ErrorAlert, LocalizedInput, useCountryName, useNotify } from '../../../web/components/forms';
import type { LocalizedText } from '../../../web/i18n';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { useMe, useRefreshMe } from '../../../web/session';
import { groupsApi, groupsPages } from '../contract';

/** A group's public page: mandate, chairs, member organizations, outputs; joining and answering an invitation. */
export function GroupPage() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(['groups', 'shell']);
  const to = useTo();
  const qc = useQueryClient();
  const notify = useNotify();
  const { data: me } = useMe();
  const countryName = useCountryName();
  const refreshMe = useRefreshMe();
  const q = useQuery(query(groupsApi.get, { params: { id: slug } }));
  const [message, setMessage] = useState('');
  const [mandate, setMandate] = useState<LocalizedText | null>(null);
  const refresh = () => invalidate(qc, groupsApi.get);
  const saveMandate = useMutation({
    mutationFn: () => call(groupsApi.update, { params: { id: slug }, body: { mandate: mandate ?? undefined } }),
    onSuccess: () => {
      setMandate(null);
      refresh();
      notify.ok();
    },
    onError: notify.error,
  });
  const join = useMutation({
    mutationFn: () => call(groupsApi.requestToJoin, { params: { id: slug }, body: { message: message || undefined } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const answer = useMutation({
    mutationFn: (a: 'accept' | 'decline') => call(groupsApi.answerInvitation, { params: { id: slug, answer: a } }),
    onSuccess: () => {
      refresh();
      return refreshMe();
    },
    onError: notify.error,
  });
  if (q.isLoading) return <Loader aria-label={t('shell:common.loading')} />;
  if (q.error || !q.data) return <ErrorAlert error={q.error} />;
  const g = q.data;
  return (
    <Stack py="md" gap="lg">
      <Group justify="space-between" align="flex-start">
        <Title order={1}>
          <LText value={g.name} />
        </Title>
        {g.you.member ? (
          <Button component={Link} to={to(groupsPages.workspace, { slug: g.slug })}>
            {t('groups:openWorkspace')}
          </Button>
        ) : null}
      </Group>
      <section aria-labelledby="mandate">
        <Title order={2} size="h4" id="mandate">
          {t('groups:mandate')}
        </Title>
        {mandate ? (
          <Stack>
            <LocalizedInput label={t('groups:mandate')} value={mandate} onChange={setMandate} multiline />
            <Group>
              <Button onClick={() => saveMandate.mutate()} loading={saveMandate.isPending}>
                {t('shell:common.save')}
              </Button>
              <Button variant="default" onClick={() => setMandate(null)}>
                {t('shell:common.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : (
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            <LText value={g.mandate} />
          </Text>
        )}
        {g.you.editor && !mandate ? (
          <Button size="xs" variant="subtle" onClick={() => setMandate(g.mandate)}>
            {t('shell:common.edit')}
          </Button>
        ) : null}
      </section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <section aria-labelledby="chairs">
          <Title order={2} size="h4" id="chairs">
            {t('groups:chairs')}
          </Title>
          <Stack gap={4}>
            {g.chairs.map((c) => (
              <Text key={c.userId}>
                <b>{c.name}</b> · {t(`groups:role.${c.role}`)}
                {c.organizationName ? (
                  <>
                    {' · '}
                    <LText value={c.organizationName} />
                  </>
                ) : null}
              </Text>
            ))}
            {g.liaison ? (
              <Text size="sm" c="dimmed">
                {t('groups:liaison')}: {g.liaison.name}
              </Text>
            ) : null}
          </Stack>
        </section>
        <section aria-labelledby="orgs">
          <Title order={2} size="h4" id="orgs">
            {t('groups:memberOrgs')} ({g.memberOrganizations.length})
          </Title>
          <Stack gap={2}>
            {g.memberOrganizations.map((o) => (
              <Text key={o.id} size="sm">
                <LText value={o.name} /> — {countryName(o.countryCode)} · {t(`shell:stakeholders.${o.stakeholderGroup}`)}
              </Text>
            ))}
          </Stack>
        </section>
      </SimpleGrid>
      <section aria-labelledby="outputs">
        <Title order={2} size="h4" id="outputs">
          {t('groups:outputs')}
        </Title>
        {g.outputs.length === 0 ? <Text c="dimmed">{t('groups:noOutputs')}</Text> : null}
        <Stack gap={4}>
          {g.outputs.map((o) => (
            <Anchor key={o.id} component={Link} to={to(groupsPages.document, { id: o.id })}>
              {t(`groups:kind.${o.kind}`)}: <LText value={o.title} /> ({o.versionLabel})
            </Anchor>
          ))}
        </Stack>
      </section>
      {me?.user && !g.you.member ? (
        g.you.status === 'invited' ? (
          <Alert title={t('groups:invited')}>
            <Group>
              <Button onClick={() => answer.mutate('accept')}>{t('groups:accept')}</Button>
              <Button variant="default" onClick={() => answer.mutate('decline')}>
                {t('groups:decline')}
              </Button>
            </Group>
          </Alert>
        ) : g.you.status === 'requested' ? (
          <Alert>{t('groups:requested')}</Alert>
        ) : (
          <Card withBorder>
            <Stack>
              <Textarea label={t('groups:joinMessage')} value={message} onChange={(e) => setMessage(e.currentTarget.value)} />
              <Button onClick={() => join.mutate()} loading={join.isPending} style={{ alignSelf: 'flex-start' }}>
                {t('groups:join')}
              </Button>
            </Stack>
          </Card>
        )
      ) : null}
    </Stack>
  );
}
