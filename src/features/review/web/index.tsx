import { Alert, Badge, Button, Card, Group, NumberInput, Stack, Table, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { api } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import type { WebFeature } from '../../../web/feature';
import type { LocalizedText } from '../../../web/i18n';
import { LText, useLocalized } from '../../../web/localized';
import type { FormField } from '../../calls/form';

const texts = {
  en: {
    nav: 'My reviews',
    invitations: 'Invitations',
    accept: 'Accept',
    decline: 'Decline',
    assigned: 'Assigned to me',
    notStarted: 'Not started',
    draft: 'Draft',
    submitted: 'Submitted',
    open: 'Review',
    rubric: 'Rubric',
    scale: 'Scale {{min}}–{{max}}',
    forCommittee: 'Comments for the committee',
    forApplicant: 'Comments for the applicant',
    save: 'Save draft',
    submit: 'Submit review',
    total: 'Weighted total',
    none: 'Nothing assigned to you yet.',
    notFound: 'This entry does not exist, or it is not assigned to you.',
    discussion: 'Committee discussion',
    post: 'Post',
    conflicts: 'Declare conflicts of interest',
    declare: 'I have a conflict',
    declared: 'Conflict declared',
  },
  'zh-Hans': {
    nav: '我的评审',
    invitations: '评审邀请',
    accept: '接受',
    decline: '谢绝',
    assigned: '分配给我的',
    notStarted: '未开始',
    draft: '草稿',
    submitted: '已提交',
    open: '评审',
    rubric: '评分标准',
    scale: '分值 {{min}}–{{max}}',
    forCommittee: '给评审委员会的意见',
    forApplicant: '给申报方的意见',
    save: '保存草稿',
    submit: '提交评审',
    total: '加权总分',
    none: '暂无分配给您的申报。',
    notFound: '该申报不存在，或未分配给您。',
    discussion: '委员会讨论',
    post: '发表',
    conflicts: '申报利益冲突',
    declare: '存在利益冲突',
    declared: '已申报冲突',
  },
  'zh-Hant': {
    nav: '我的評審',
    invitations: '評審邀請',
    accept: '接受',
    decline: '謝絕',
    assigned: '分配給我的',
    notStarted: '未開始',
    draft: '草稿',
    submitted: '已提交',
    open: '評審',
    rubric: '評分標準',
    scale: '分值 {{min}}–{{max}}',
    forCommittee: '給評審委員會的意見',
    forApplicant: '給申報方的意見',
    save: '儲存草稿',
    submit: '提交評審',
    total: '加權總分',
    none: '暫無分配給您的申報。',
    notFound: '該申報不存在，或未分配給您。',
    discussion: '委員會討論',
    post: '發表',
    conflicts: '申報利益衝突',
    declare: '存在利益衝突',
    declared: '已申報衝突',
  },
};

interface Criterion {
  key: string;
  label: LocalizedText;
  guidance?: LocalizedText;
  weight: number;
}

// Answers of the review API read by these pages (the fields used here).
interface Invitation {
  id: string;
  callTitle: LocalizedText;
  year: number;
  status: string;
}
interface MyAssignment {
  submissionId: string;
  round: number;
  code: string;
  title: LocalizedText;
  reviewStatus: string;
  total: number | null;
}
interface ConflictCandidate {
  id: string;
  code: string;
  title: LocalizedText;
  organization: string | null;
  conflict: string | null;
}
interface ReviewerView {
  submission: { code: string; title: LocalizedText; answers: Record<string, unknown> };
  form: FormField[];
  rubric: { criteria: Criterion[]; scaleMin: number; scaleMax: number };
  review: { scores: Record<string, number>; commentCommittee: string | null; commentApplicant: string | null; status: string } | null;
}

function ReviewerDashboard() {
  const { t } = useTranslation(['review']);
  const qc = useQueryClient();
  const notify = useNotify();
  const { data: inv } = useQuery({ queryKey: ['invitations'], queryFn: () => api.get<Invitation[]>('/api/v1/review/invitations') });
  const { data: mine } = useQuery({ queryKey: ['my-assignments'], queryFn: () => api.get<MyAssignment[]>('/api/v1/review/assignments') });
  const respond = useMutation({
    mutationFn: (x: { id: string; accept: boolean }) => api.post(`/api/v1/review/invitations/${x.id}/respond`, { accept: x.accept }),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['invitations'] }),
    onError: notify.error,
  });
  return (
    <Stack>
      <Title order={1}>{t('review:nav')}</Title>
      <Title order={2} size="h4">
        {t('review:invitations')}
      </Title>
      {(inv ?? []).map((i) => (
        <Card key={i.id} withBorder>
          <Group justify="space-between">
            <Text>
              <LText value={i.callTitle} /> · {i.year}
            </Text>
            {i.status === 'invited' ? (
              <Group>
                <Button size="xs" onClick={() => respond.mutate({ id: i.id, accept: true })}>
                  {t('review:accept')}
                </Button>
                <Button size="xs" variant="default" onClick={() => respond.mutate({ id: i.id, accept: false })}>
                  {t('review:decline')}
                </Button>
              </Group>
            ) : (
              <Badge>{i.status}</Badge>
            )}
          </Group>
          {i.status === 'accepted' ? <ConflictList invitationId={i.id} /> : null}
        </Card>
      ))}
      <Title order={2} size="h4">
        {t('review:assigned')}
      </Title>
      {mine && !mine.length ? <Text>{t('review:none')}</Text> : null}
      <Table>
        <Table.Tbody>
          {(mine ?? []).map((a) => (
            <Table.Tr key={`${a.submissionId}-${a.round}`}>
              <Table.Td>
                <Link to={`/review/${a.submissionId}`}>{a.code}</Link>
              </Table.Td>
              <Table.Td>
                <LText value={a.title} />
              </Table.Td>
              <Table.Td>{t(`review:${a.reviewStatus === 'not_started' ? 'notStarted' : a.reviewStatus}`)}</Table.Td>
              <Table.Td>{a.total?.toFixed(2) ?? ''}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The call's entries by title, to declare a conflict of interest before reviewing. */
function ConflictList({ invitationId }: { invitationId: string }) {
  const { t } = useTranslation(['review']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [open, setOpen] = useState(false);
  const { data } = useQuery({
    queryKey: ['conflict-titles', invitationId],
    queryFn: () => api.get<ConflictCandidate[]>(`/api/v1/review/invitations/${invitationId}/submissions`),
    enabled: open,
  });
  const declare = useMutation({
    mutationFn: (submissionId: string) => api.post(`/api/v1/review/invitations/${invitationId}/conflicts`, { submissionId, reason: '' }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['conflict-titles', invitationId] });
      void qc.invalidateQueries({ queryKey: ['my-assignments'] });
    },
    onError: notify.error,
  });
  if (!open)
    return (
      <Button variant="default" size="xs" mt="xs" w="fit-content" onClick={() => setOpen(true)}>
        {t('review:conflicts')}
      </Button>
    );
  return (
    <Table mt="xs">
      <Table.Tbody>
        {(data ?? []).map((x) => (
          <Table.Tr key={x.id}>
            <Table.Td>{x.code}</Table.Td>
            <Table.Td>
              <LText value={x.title} />
            </Table.Td>
            <Table.Td>{x.organization}</Table.Td>
            <Table.Td>
              {x.conflict ? (
                <Badge color="gray">{t('review:declared')}</Badge>
              ) : (
                <Button size="xs" variant="default" onClick={() => declare.mutate(x.id)}>
                  {t('review:declare')}
                </Button>
              )}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

function AnswerView({ form, answers }: { form: FormField[]; answers: Record<string, unknown> }) {
  const loc = useLocalized();
  return (
    <Stack gap="xs">
      {form
        .filter((f) => answers[f.key] != null && f.type !== 'file')
        .map((f) => {
          const v = answers[f.key];
          const text =
            typeof v === 'object' && !Array.isArray(v)
              ? loc(v as LocalizedText).text
              : Array.isArray(v)
                ? v.map((x) => (typeof x === 'object' ? (x as { name: string }).name : String(x))).join(', ')
                : String(v);
          return (
            <div key={f.key}>
              <Text size="sm" fw={600}>
                {loc(f.label).text}
              </Text>
              <Text style={{ whiteSpace: 'pre-wrap' }}>{text}</Text>
            </div>
          );
        })}
    </Stack>
  );
}

function ReviewPage() {
  const { id } = useParams();
  const { t } = useTranslation(['review']);
  const qc = useQueryClient();
  const notify = useNotify();
  const loc = useLocalized();
  const { data, error, isLoading } = useQuery({
    queryKey: ['review', id],
    queryFn: () => api.get<ReviewerView>(`/api/v1/review/submissions/${id}`),
    retry: false,
  });
  const { data: thread } = useQuery({
    queryKey: ['discussion', id],
    queryFn: () => api.get<Array<{ id: string; authorName: string; body: string }>>(`/api/v1/review/submissions/${id}/discussion`),
    enabled: !!data,
  });
  const [scores, setScores] = useState<Record<string, number> | null>(null);
  const [cc, setCc] = useState<string | null>(null);
  const [ca, setCa] = useState<string | null>(null);
  const [msg, setMsg] = useState('');
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      api.put(`/api/v1/review/submissions/${id}/review`, {
        scores: scores ?? data?.review?.scores ?? {},
        commentCommittee: cc ?? data?.review?.commentCommittee ?? '',
        commentApplicant: ca ?? data?.review?.commentApplicant ?? '',
        submit,
      }),
    onSuccess: () => {
      notify.ok();
      void qc.invalidateQueries({ queryKey: ['review', id] });
    },
    onError: notify.error,
  });
  const post = useMutation({
    mutationFn: () => api.post(`/api/v1/review/submissions/${id}/discussion`, { body: msg }),
    onSuccess: () => {
      setMsg('');
      void qc.invalidateQueries({ queryKey: ['discussion', id] });
    },
    onError: notify.error,
  });
  if (isLoading) return null;
  if (error || !data)
    return (
      <Alert color="gray" data-testid="review-not-found">
        {t('review:notFound')}
      </Alert>
    );
  const s = scores ?? data.review?.scores ?? {};
  const criteria: Criterion[] = data.rubric.criteria;
  return (
    <Stack maw={900}>
      <Title order={1}>
        {data.submission.code} · <LText value={data.submission.title} />
      </Title>
      {data.review ? <Badge>{t(`review:${data.review.status}`)}</Badge> : null}
      <AnswerView form={data.form} answers={data.submission.answers} />
      <Title order={2} size="h4">
        {t('review:rubric')} · {t('review:scale', { min: data.rubric.scaleMin, max: data.rubric.scaleMax })}
      </Title>
      {criteria.map((c) => (
        <NumberInput
          key={c.key}
          name={`score-${c.key}`}
          label={`${loc(c.label).text} (×${c.weight})`}
          description={c.guidance ? loc(c.guidance).text : undefined}
          min={data.rubric.scaleMin}
          max={data.rubric.scaleMax}
          value={s[c.key] ?? ''}
          onChange={(v) => setScores({ ...s, [c.key]: Number(v) })}
        />
      ))}
      <Textarea
        name="commentCommittee"
        label={t('review:forCommittee')}
        autosize
        minRows={3}
        value={cc ?? data.review?.commentCommittee ?? ''}
        onChange={(e) => setCc(e.currentTarget.value)}
      />
      <Textarea
        name="commentApplicant"
        label={t('review:forApplicant')}
        autosize
        minRows={3}
        value={ca ?? data.review?.commentApplicant ?? ''}
        onChange={(e) => setCa(e.currentTarget.value)}
      />
      <ErrorAlert error={save.error} />
      <Group>
        <Button variant="default" onClick={() => save.mutate(false)} data-testid="review-save">
          {t('review:save')}
        </Button>
        <Button onClick={() => save.mutate(true)} data-testid="review-submit">
          {t('review:submit')}
        </Button>
      </Group>
      <Title order={2} size="h4">
        {t('review:discussion')}
      </Title>
      {(thread ?? []).map((m) => (
        <Text key={m.id}>
          <b>{m.authorName}</b>: {m.body}
        </Text>
      ))}
      <Group align="end">
        <Textarea aria-label={t('review:discussion')} value={msg} onChange={(e) => setMsg(e.currentTarget.value)} style={{ flex: 1 }} />
        <Button onClick={() => post.mutate()} disabled={!msg.trim()}>
          {t('review:post')}
        </Button>
      </Group>
    </Stack>
  );
}

export const reviewWeb: WebFeature = {
  name: 'review',
  i18n: texts,
  appRoutes: [
    { path: '/review', element: <ReviewerDashboard /> },
    { path: '/review/:id', element: <ReviewPage /> },
  ],
  accountNav: [{ to: '/review', label: 'review:nav' }],
};
