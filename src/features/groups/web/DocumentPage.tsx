import { Alert, Anchor, Badge, Button, Card, Group, Loader, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { ApiError, call, invalidate, query } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { LText } from '../../../web/localized';
import { libraryPages } from '../../library/contract';
import { groupsApi, groupsPages, statusMoves, type VersionStatus } from '../contract';
import { type DocView, langOrder } from './documentView';
import { SafeHtml } from './markdown';
import { Comments } from './Comments';
import { Compare } from './Compare';
import { Editor } from './Editor';
import { EndorsementPanel } from './EndorsementPanel';

const statusLabel: Record<VersionStatus, string> = {
  draft: '',
  consultation: 'documents:toConsultation',
  final: 'documents:toFinal',
  published: 'documents:toPublished',
};

/** A document at a version: text, comments, rounds, status moves, comparison, endorsements and joint submissions. */
export function DocumentPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t } = useTranslation(['documents', 'groups', 'shell']);
  const to = useTo();
  const qc = useQueryClient();
  const notify = useNotify();
  const fmt = useFormat();
  // The version chosen belongs to one document: another document opens at its latest.
  const [chosen, setChosen] = useState<{ id: string; versionId: string | null }>({ id, versionId: null });
  const versionId = chosen.id === id ? chosen.versionId : null;
  const setVersionId = (v: string | null) => setChosen({ id, versionId: v });
  const [closesAt, setClosesAt] = useState(() => new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10));
  const editing = search.get('edit') === '1';
  const q = useQuery<DocView>(
    versionId ? query(groupsApi.documentVersion, { params: { id, versionId } }) : query(groupsApi.document, { params: { id } }),
  );
  const doc = q.data;
  const comments = useQuery({
    ...query(groupsApi.comments, { params: { id, versionId: doc?.current.id ?? '' } }),
    enabled: !!doc?.you.member,
  });
  const subs = useQuery({
    ...query(groupsApi.submissions, { params: { id } }),
    enabled: !!doc,
  });
  const refresh = () =>
    void invalidate(qc, groupsApi.document, groupsApi.documentVersion, groupsApi.comments, groupsApi.endorsements, groupsApi.diff);
  const move = useMutation({
    mutationFn: (s: VersionStatus) => call(groupsApi.setStatus, { params: { id, versionId: v.id }, body: { status: s } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const round = useMutation({
    mutationFn: () => call(groupsApi.openRound, { params: { id }, body: { closesAt: new Date(`${closesAt}T23:59:00`).toISOString() } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const closeRound = useMutation({
    mutationFn: (rid: string) => call(groupsApi.closeRound, { params: { id, roundId: rid } }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const newVersion = useMutation({
    mutationFn: () => call(groupsApi.newVersion, { params: { id }, body: {} }),
    onSuccess: (d) => {
      setVersionId(null);
      qc.setQueryData(query(groupsApi.document, { params: { id } }).queryKey, d);
      setSearch({ edit: '1' });
    },
    onError: notify.error,
  });
  const toLibrary = useMutation({
    mutationFn: () => call(groupsApi.addToLibrary, { params: { id }, body: {} }),
    onSuccess: refresh,
    onError: notify.error,
  });
  if (q.isLoading) return <Loader aria-label={t('shell:common.loading')} />;
  if (q.error instanceof ApiError && q.error.status === 404) return <Alert color="gray">{t('documents:notVisible')}</Alert>;
  if (q.error || !doc) return <ErrorAlert error={q.error} />;
  const v = doc.current;
  const latest = doc.versions[doc.versions.length - 1];
  const isLatest = v.id === latest.id;
  const openRound = doc.rounds.find((r) => r.versionId === v.id && r.open);
  const langs = [...v.languages].sort((a, b) => langOrder.indexOf(a) - langOrder.indexOf(b));
  const byKey = (k: string) => (comments.data ?? []).filter((c) => c.paragraphKey === k);
  const paraIndex = new Map(v.paragraphs.map((p, i) => [p.key, i + 1]));
  return (
    <Stack py="md" gap="lg">
      <Stack gap={4}>
        {doc.group ? (
          <Anchor component={Link} to={to(groupsPages.group, { slug: doc.group.slug })} size="sm">
            <LText value={doc.group.name} />
          </Anchor>
        ) : null}
        <Title order={1}>
          <LText value={doc.title} />
        </Title>
        <Group gap="xs">
          <Badge variant="light">{t(`groups:kind.${doc.kind}`)}</Badge>
          <Badge data-testid="version-status">
            {t('documents:version', { label: v.label })} · {t(`documents:vstatus.${v.status}`)}
          </Badge>
          {doc.publicationId ? (
            <Anchor component={Link} to={to(libraryPages.publication, { id: doc.publicationId })} size="sm" data-testid="library-link">
              {t('documents:inLibrary')}
            </Anchor>
          ) : null}
        </Group>
      </Stack>
      <Group align="flex-end">
        <Select
          label={t('documents:versions')}
          data={doc.versions.map((x) => ({ value: x.id, label: `${x.label} · ${t(`documents:vstatus.${x.status}`)}` }))}
          value={v.id}
          onChange={(val) => {
            setVersionId(val === latest.id ? null : val);
            setSearch({});
          }}
          allowDeselect={false}
        />
        {doc.you.editor && isLatest ? (
          <>
            {v.status === 'draft' && !editing ? (
              <Button variant="default" onClick={() => setSearch({ edit: '1' })}>
                {t('documents:edit')}
              </Button>
            ) : null}
            {statusMoves[v.status].map((s) => (
              <Button key={s} variant={s === 'published' ? 'filled' : 'default'} onClick={() => move.mutate(s)} loading={move.isPending}>
                {t(statusLabel[s])}
              </Button>
            ))}
            {v.status !== 'draft' ? (
              <Button variant="default" onClick={() => newVersion.mutate()}>
                {t('documents:newVersion')}
              </Button>
            ) : null}
            {v.status === 'published' && !doc.publicationId ? (
              <Button onClick={() => toLibrary.mutate()}>{t('documents:toLibrary')}</Button>
            ) : null}
          </>
        ) : null}
      </Group>
      {v.status === 'published' ? <Alert color="gray">{t('documents:frozen')}</Alert> : null}
      {doc.you.member && isLatest && (v.status === 'draft' || v.status === 'consultation') ? (
        <Card withBorder>
          <Title order={2} size="h5">
            {t('documents:round')}
          </Title>
          {openRound ? (
            <Group>
              <Text size="sm" data-testid="round-open">
                {t('documents:roundOpen', { date: fmt.dateTime(openRound.closesAt) })}
              </Text>
              {doc.you.editor ? (
                <Button size="xs" variant="default" onClick={() => closeRound.mutate(openRound.id)}>
                  {t('documents:closeRound')}
                </Button>
              ) : null}
            </Group>
          ) : doc.you.editor ? (
            <Group align="flex-end">
              <TextInput
                type="date"
                label={t('documents:closesAt')}
                value={closesAt}
                onChange={(e) => setClosesAt(e.currentTarget.value)}
              />
              <Button onClick={() => round.mutate()}>{t('documents:openRound')}</Button>
            </Group>
          ) : null}
        </Card>
      ) : null}
      {editing && doc.you.editor && v.status === 'draft' ? (
        <Editor
          key={v.id + v.updatedAt}
          doc={doc}
          onSaved={() => {
            setSearch({});
            refresh();
          }}
        />
      ) : (
        <Stack data-testid="paragraphs">
          {v.paragraphs.map((p, i) => (
            <Card key={p.key} withBorder id={p.key} data-testid={`para-${i + 1}`}>
              <Text size="xs" c="dimmed">
                ¶ {i + 1}
              </Text>
              <SimpleGrid cols={{ base: 1, md: Math.max(1, langs.length) }}>
                {langs.map((l) => (p.html[l] ? <SafeHtml key={l} html={p.html[l]} lang={l} /> : <div key={l} />))}
              </SimpleGrid>
              {doc.you.member ? (
                <Comments
                  doc={doc}
                  paragraphKey={p.key}
                  n={i + 1}
                  comments={byKey(p.key)}
                  canComment={!!openRound && isLatest}
                  refresh={refresh}
                />
              ) : null}
            </Card>
          ))}
        </Stack>
      )}
      {v.basedOn ? (
        <Card withBorder data-testid="changes">
          <Title order={2} size="h5">
            {t('documents:changes', { label: v.basedOn.label })}
          </Title>
          {Object.keys(v.changeSummary).length ? <LText value={v.changeSummary} /> : null}
          <Text size="sm">
            {t('documents:changedParagraphs', {
              list:
                v.changes.paragraphs.map((c) => `¶${paraIndex.get(c.key) ?? '–'} ${t(`documents:change.${c.change}`)}`).join(', ') || '—',
            })}
          </Text>
          {v.changes.resolvedComments.length ? (
            <>
              <Text size="sm" fw={600} mt="xs">
                {t('documents:resolvedComments')}
              </Text>
              {v.changes.resolvedComments.map((c) => (
                <Text key={c.id} size="sm">
                  ¶{paraIndex.get(c.paragraphKey) ?? '–'} · {t(`documents:cstatus.${c.status}`)} · {c.body}
                  {c.response ? ` — ${c.response}` : ''}
                </Text>
              ))}
            </>
          ) : null}
        </Card>
      ) : null}
      {doc.versions.length > 1 ? (
        <section>
          <Title order={2} size="h4">
            {t('documents:compare')}
          </Title>
          <Compare doc={doc} />
        </section>
      ) : null}
      {latest.status === 'final' || latest.status === 'published' ? (
        <section>
          <Title order={2} size="h4">
            {t('documents:endorsements')}
          </Title>
          <EndorsementPanel doc={doc} />
        </section>
      ) : null}
      {subs.data?.length ? (
        <section>
          <Title order={2} size="h4">
            {t('documents:submissions')}
          </Title>
          {subs.data.map((s) => (
            <Card key={s.id} withBorder>
              <Text fw={600}>
                <LText value={s.process} /> · {fmt.date(s.submittedOn)}
              </Text>
              <Text size="sm">{t('documents:partners', { count: s.partners.length })}</Text>
              <Text size="sm" c="dimmed">
                {s.partners.map((p, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: a list shown whole, never reordered, whose items have no id
                  <span key={i}>
                    {i ? ' · ' : ''}
                    <LText value={p.name} />
                  </span>
                ))}
              </Text>
            </Card>
          ))}
        </section>
      ) : null}
    </Stack>
  );
}
