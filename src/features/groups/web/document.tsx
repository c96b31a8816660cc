import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { api, ApiError } from '../../../web/api';
import { ErrorAlert, useCountryName, useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import type { Locale, LocalizedText } from '../../../web/i18n';
import { useLocale } from '../../../web/i18n';
import { LText } from '../../../web/localized';
import { useMe } from '../../../web/session';
import { MarkdownView, SafeHtml } from './markdown';
import { useLangPath } from './pages';

type Status = 'draft' | 'consultation' | 'final' | 'published';
interface VersionSummary {
  id: string;
  number: number;
  label: string;
  status: Status;
  languages: string[];
  publishedAt: string | null;
}
interface Comment {
  id: string;
  paragraphKey: string;
  authorName: string;
  mine: boolean;
  body: string;
  status: 'open' | 'accepted' | 'declined' | 'answered';
  response: string | null;
}
interface DocView {
  id: string;
  kind: string;
  title: LocalizedText;
  group: { slug: string; name: LocalizedText } | null;
  versions: VersionSummary[];
  current: VersionSummary & {
    updatedAt: string;
    changeSummary: LocalizedText;
    basedOn: { id: string; label: string } | null;
    paragraphs: Array<{ key: string; text: LocalizedText; html: LocalizedText }>;
    changes: { paragraphs: Array<{ key: string; change: string }>; resolvedComments: Comment[] };
  };
  rounds: Array<{ id: string; versionId: string; closesAt: string; open: boolean }>;
  publicationId: string | null;
  you: { member: boolean; editor: boolean; orgContactOf: Array<{ id: string; name: LocalizedText }> };
}
interface Endorsements {
  items: Array<{
    id: string;
    kind: string;
    organizationId: string | null;
    name: LocalizedText;
    countryCode: string | null;
    stakeholderGroup: string;
    mine: boolean;
  }>;
  byCountry: Record<string, number>;
  byStakeholderGroup: Record<string, number>;
}
interface DiffResult {
  paragraphs: Array<{
    key: string;
    change: 'same' | 'changed' | 'added' | 'removed';
    parts: Array<{ value: string; added?: boolean; removed?: boolean }>;
  }>;
}

const nextStatus: Record<Status, Status[]> = {
  draft: ['consultation', 'final'],
  consultation: ['final'],
  final: ['published'],
  published: [],
};
const statusLabel: Record<Status, string> = {
  draft: '',
  consultation: 'documents:toConsultation',
  final: 'documents:toFinal',
  published: 'documents:toPublished',
};
const langOrder = ['zh-Hans', 'en', 'zh-Hant'];

function Editor({ doc, onSaved }: { doc: DocView; onSaved: () => void }) {
  const { t } = useTranslation(['documents', 'shell']);
  const notify = useNotify();
  const langs = [...new Set(['zh-Hans', 'en', ...doc.current.languages])].sort(
    (a, b) => langOrder.indexOf(a) - langOrder.indexOf(b),
  ) as Locale[];
  const [paras, setParas] = useState(doc.current.paragraphs.map((p) => ({ key: p.key as string | undefined, text: p.text })));
  const save = useMutation({
    mutationFn: () =>
      api.put(`/api/v1/documents/${doc.id}/versions/${doc.current.id}/text`, {
        baseUpdatedAt: doc.current.updatedAt,
        paragraphs: paras
          .filter((p) => Object.values(p.text).some((s) => s?.trim()))
          .map((p) => ({ ...(p.key ? { key: p.key } : {}), text: p.text })),
      }),
    onSuccess: onSaved,
    onError: notify.error,
  });
  return (
    <Stack data-testid="editor">
      <Text size="sm" c="dimmed">
        {t('documents:markdownHint')}
      </Text>
      {paras.map((p, i) => (
        <Card key={p.key ?? `new-${i}`} withBorder data-testid={`edit-para-${i + 1}`}>
          <Text fw={600} size="sm">
            {t('documents:paragraph', { n: i + 1 })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: langs.length }}>
            {langs.map((l) => (
              <Stack key={l} gap={4}>
                <Textarea
                  aria-label={`${t('documents:paragraph', { n: i + 1 })} (${t(`shell:locales.${l}`)})`}
                  lang={l}
                  autosize
                  minRows={2}
                  value={p.text[l] ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setParas((ps) => ps.map((x, j) => (j === i ? { ...x, text: { ...x.text, [l]: v } } : x)));
                  }}
                />
                {p.text[l] ? (
                  <Card padding="xs" bg="gray.0" data-testid={`preview-${i + 1}-${l}`}>
                    <MarkdownView text={p.text[l] ?? ''} lang={l} />
                  </Card>
                ) : null}
              </Stack>
            ))}
          </SimpleGrid>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            mt="xs"
            onClick={() => setParas((ps) => ps.filter((_, j) => j !== i))}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('documents:removeParagraph')}
          </Button>
        </Card>
      ))}
      <Group>
        <Button variant="default" onClick={() => setParas((ps) => [...ps, { key: undefined, text: {} }])}>
          {t('documents:addParagraph')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('documents:saveText')}
        </Button>
      </Group>
    </Stack>
  );
}

function Comments({
  doc,
  paragraphKey,
  n,
  comments,
  canComment,
  refresh,
}: {
  doc: DocView;
  paragraphKey: string;
  n: number;
  comments: Comment[];
  canComment: boolean;
  refresh: () => void;
}) {
  const { t } = useTranslation(['documents', 'shell']);
  const notify = useNotify();
  const [body, setBody] = useState('');
  const [responses, setResponses] = useState<Record<string, string>>({});
  const add = useMutation({
    mutationFn: () => api.post(`/api/v1/documents/${doc.id}/comments`, { paragraphKey, body }),
    onSuccess: () => {
      setBody('');
      return refresh();
    },
    onError: notify.error,
  });
  const resolve = useMutation({
    mutationFn: (v: { id: string; status: 'accepted' | 'declined' | 'answered' }) =>
      api.put(`/api/v1/documents/${doc.id}/comments/${v.id}`, { status: v.status, response: responses[v.id] || undefined }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const editable = doc.you.editor && doc.current.status !== 'published';
  return (
    <Stack gap="xs" mt="xs">
      {comments.map((c) => (
        <Card key={c.id} padding="xs" withBorder data-testid="comment">
          <Group justify="space-between">
            <Text size="sm">
              <b>{c.authorName}</b>: {c.body}
            </Text>
            <Badge variant="light" data-testid="comment-status">
              {t(`documents:cstatus.${c.status}`)}
            </Badge>
          </Group>
          {c.response ? (
            <Text size="sm" c="dimmed">
              ↳ {c.response}
            </Text>
          ) : null}
          {editable && c.status === 'open' ? (
            <Group mt="xs" align="flex-end">
              <TextInput
                size="xs"
                label={t('documents:response')}
                value={responses[c.id] ?? ''}
                onChange={(e) => setResponses({ ...responses, [c.id]: e.currentTarget.value })}
              />
              {(['accepted', 'declined', 'answered'] as const).map((s) => (
                <Button
                  key={s}
                  size="xs"
                  variant={s === 'accepted' ? 'filled' : 'default'}
                  onClick={() => resolve.mutate({ id: c.id, status: s })}
                >
                  {t(`documents:resolve.${s}`)}
                </Button>
              ))}
            </Group>
          ) : null}
        </Card>
      ))}
      {canComment ? (
        <Group align="flex-end">
          <Textarea
            style={{ flex: 1 }}
            size="xs"
            label={t('documents:commentOn', { n })}
            value={body}
            onChange={(e) => setBody(e.currentTarget.value)}
          />
          <Button size="xs" onClick={() => add.mutate()} disabled={!body.trim()}>
            {t('documents:comment')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function Compare({ doc }: { doc: DocView }) {
  const { t } = useTranslation(['documents', 'shell']);
  const locale = useLocale();
  const vs = doc.versions;
  const [from, setFrom] = useState<string | null>(vs.length > 1 ? vs[vs.length - 2].id : null);
  const [to, setTo] = useState<string | null>(vs[vs.length - 1]?.id ?? null);
  const [lang, setLang] = useState<string>(doc.current.languages.includes(locale) ? locale : (doc.current.languages[0] ?? 'en'));
  const q = useQuery({
    queryKey: ['diff', doc.id, from, to, lang, doc.current.updatedAt],
    queryFn: () => api.get<DiffResult>(`/api/v1/documents/${doc.id}/diff?from=${from}&to=${to}&lang=${lang}`),
    enabled: !!from && !!to,
  });
  if (vs.length < 2) return null;
  const data = vs.map((v) => ({ value: v.id, label: `${v.label} · ${t(`documents:vstatus.${v.status}`)}` }));
  return (
    <Stack data-testid="compare">
      <Group>
        <Select label={t('documents:from')} data={data} value={from} onChange={setFrom} />
        <Select label={t('documents:to')} data={data} value={to} onChange={setTo} />
        <Select
          label={t('shell:common.language')}
          data={['zh-Hans', 'en', 'zh-Hant'].map((l) => ({ value: l, label: t(`shell:locales.${l}`) }))}
          value={lang}
          onChange={(v) => v && setLang(v)}
        />
      </Group>
      <Table withColumnBorders layout="fixed" data-testid="diff">
        <Table.Tbody>
          {(q.data?.paragraphs ?? []).map((p) => (
            <Table.Tr key={p.key} data-change={p.change}>
              <Table.Td lang={lang} style={{ verticalAlign: 'top' }}>
                {p.parts
                  .filter((x) => !x.added)
                  .map((x, i) =>
                    x.removed ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, always replaced together
                      <del key={i} style={{ background: '#ffe3e3' }}>
                        {x.value}
                      </del>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, always replaced together
                      <span key={i}>{x.value}</span>
                    ),
                  )}
              </Table.Td>
              <Table.Td lang={lang} style={{ verticalAlign: 'top' }}>
                {p.parts
                  .filter((x) => !x.removed)
                  .map((x, i) =>
                    x.added ? (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, always replaced together
                      <ins key={i} style={{ background: '#d3f9d8' }}>
                        {x.value}
                      </ins>
                    ) : (
                      // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, always replaced together
                      <span key={i}>{x.value}</span>
                    ),
                  )}
              </Table.Td>
              <Table.Td w={90}>
                <Text size="xs">{t(`documents:change.${p.change}`)}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

function EndorsementPanel({ doc }: { doc: DocView }) {
  const { t } = useTranslation(['documents', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const countryName = useCountryName();
  const { data: me } = useMe();
  const q = useQuery({
    queryKey: ['endorsements', doc.id],
    queryFn: () => api.get<Endorsements>(`/api/v1/documents/${doc.id}/endorsements`),
  });
  const refresh = () => qc.invalidateQueries({ queryKey: ['endorsements', doc.id] });
  const endorse = useMutation({
    mutationFn: (b: { organizationId?: string; kind: 'endorse' | 'cosign' }) => api.post(`/api/v1/documents/${doc.id}/endorsements`, b),
    onSuccess: refresh,
    onError: notify.error,
  });
  const withdraw = useMutation({
    mutationFn: (id: string) => api.delete(`/api/v1/documents/${doc.id}/endorsements/${id}`),
    onSuccess: refresh,
    onError: notify.error,
  });
  const latest = doc.versions[doc.versions.length - 1];
  const e = q.data;
  const endorsedOrgs = new Set((e?.items ?? []).map((i) => i.organizationId));
  return (
    <Stack data-testid="endorsements">
      {e && e.items.length === 0 ? <Text c="dimmed">{t('documents:noEndorsements')}</Text> : null}
      <Table>
        <Table.Tbody>
          {(e?.items ?? []).map((i) => (
            <Table.Tr key={i.id} data-testid="endorser">
              <Table.Td>
                <LText value={i.name} />
              </Table.Td>
              <Table.Td>{i.countryCode ? countryName(i.countryCode) : '—'}</Table.Td>
              <Table.Td>{t(`shell:stakeholders.${i.stakeholderGroup}`)}</Table.Td>
              <Table.Td>{i.kind === 'cosign' ? t('documents:cosign') : ''}</Table.Td>
              <Table.Td>
                {i.mine && latest.status !== 'published' ? (
                  <Button size="xs" variant="subtle" onClick={() => withdraw.mutate(i.id)}>
                    {t('documents:withdraw')}
                  </Button>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {e?.items.length ? (
        <Group gap="xl">
          <Text size="sm">
            {t('documents:byCountry')}:{' '}
            {Object.entries(e.byCountry)
              .map(([c, n]) => `${c === '—' ? c : countryName(c)} ${n}`)
              .join(' · ')}
          </Text>
          <Text size="sm">
            {t('documents:byGroup')}:{' '}
            {Object.entries(e.byStakeholderGroup)
              .map(([g, n]) => `${t(`shell:stakeholders.${g}`)} ${n}`)
              .join(' · ')}
          </Text>
        </Group>
      ) : null}
      {latest.status === 'final' && me?.user ? (
        <Group>
          {doc.you.orgContactOf
            .filter((o) => !endorsedOrgs.has(o.id))
            .map((o) => (
              <Group key={o.id} gap={4}>
                <Button onClick={() => endorse.mutate({ organizationId: o.id, kind: 'endorse' })} data-testid="endorse-org">
                  {t('documents:endorseFor', { name: '' })}
                  <LText value={o.name} />
                </Button>
                <Button variant="light" onClick={() => endorse.mutate({ organizationId: o.id, kind: 'cosign' })}>
                  {t('documents:cosign')}
                </Button>
              </Group>
            ))}
          <Button variant="default" onClick={() => endorse.mutate({ kind: 'endorse' })}>
            {t('documents:endorseSelf')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

export function DocumentPage() {
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const { t } = useTranslation(['documents', 'groups', 'shell']);
  const to = useLangPath();
  const qc = useQueryClient();
  const notify = useNotify();
  const fmt = useFormat();
  // The version chosen belongs to one document: another document opens at its latest.
  const [chosen, setChosen] = useState<{ id: string; versionId: string | null }>({ id, versionId: null });
  const versionId = chosen.id === id ? chosen.versionId : null;
  const setVersionId = (v: string | null) => setChosen({ id, versionId: v });
  const [closesAt, setClosesAt] = useState(() => new Date(Date.now() + 14 * 86400_000).toISOString().slice(0, 10));
  const editing = search.get('edit') === '1';
  const q = useQuery({
    queryKey: ['document', id, versionId],
    queryFn: () => api.get<DocView>(versionId ? `/api/v1/documents/${id}/versions/${versionId}` : `/api/v1/documents/${id}`),
  });
  const doc = q.data;
  const comments = useQuery({
    queryKey: ['comments', id, doc?.current.id],
    queryFn: () => api.get<Comment[]>(`/api/v1/documents/${id}/versions/${doc!.current.id}/comments`),
    enabled: !!doc?.you.member,
  });
  const subs = useQuery({
    queryKey: ['submissions', id],
    queryFn: () =>
      api.get<
        Array<{
          id: string;
          process: LocalizedText;
          submittedOn: string;
          partners: Array<{ name: LocalizedText; countryCode: string | null }>;
        }>
      >(`/api/v1/documents/${id}/submissions`),
    enabled: !!doc,
  });
  const refresh = () => {
    void qc.invalidateQueries({ queryKey: ['document', id] });
    void qc.invalidateQueries({ queryKey: ['comments', id] });
    void qc.invalidateQueries({ queryKey: ['endorsements', id] });
    void qc.invalidateQueries({ queryKey: ['diff', id] });
  };
  const move = useMutation({
    mutationFn: (s: Status) => api.put(`/api/v1/documents/${id}/versions/${doc!.current.id}/status`, { status: s }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const round = useMutation({
    mutationFn: () => api.post(`/api/v1/documents/${id}/rounds`, { closesAt: new Date(`${closesAt}T23:59:00`).toISOString() }),
    onSuccess: refresh,
    onError: notify.error,
  });
  const closeRound = useMutation({
    mutationFn: (rid: string) => api.post(`/api/v1/documents/${id}/rounds/${rid}/close`),
    onSuccess: refresh,
    onError: notify.error,
  });
  const newVersion = useMutation({
    mutationFn: () => api.post<DocView>(`/api/v1/documents/${id}/versions`, {}),
    onSuccess: (d) => {
      setVersionId(null);
      qc.setQueryData(['document', id, null], d);
      setSearch({ edit: '1' });
    },
    onError: notify.error,
  });
  const toLibrary = useMutation({
    mutationFn: () => api.post<{ publicationId: string }>(`/api/v1/documents/${id}/library`, {}),
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
          <Anchor component={Link} to={to(`/groups/${doc.group.slug}`)} size="sm">
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
            <Anchor component={Link} to={to(`/library/${doc.publicationId}`)} size="sm" data-testid="library-link">
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
            {nextStatus[v.status].map((s) => (
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
            return refresh();
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
                {langs.map((l) => (p.html[l as Locale] ? <SafeHtml key={l} html={p.html[l as Locale]!} lang={l} /> : <div key={l} />))}
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
