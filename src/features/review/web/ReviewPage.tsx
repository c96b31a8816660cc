import { Alert, Badge, Button, Group, NumberInput, Stack, Text, Textarea, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { call, invalidate, query } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { LText, useLocalized } from '../../../web/localized';
import { reviewApi } from '../contract';
import { FormAnswers } from '../../../web/components/FormAnswers';
import { submissionFileUrl } from './fileUrl';

/** A reviewer's entry: its answers, the rubric to score, comments, and the committee discussion. */
export function ReviewPage() {
  const { id } = useParams();
  const { t } = useTranslation(['review', 'calls']);
  const qc = useQueryClient();
  const notify = useNotify();
  const loc = useLocalized();
  const params = { id: id ?? '' };
  const { data, error, isLoading } = useQuery({ ...query(reviewApi.entry, { params }), retry: false });
  const { data: thread } = useQuery({ ...query(reviewApi.discussion, { params }), enabled: !!data });
  const [scores, setScores] = useState<Record<string, number> | null>(null);
  const [cc, setCc] = useState<string | null>(null);
  const [ca, setCa] = useState<string | null>(null);
  const [msg, setMsg] = useState('');
  const save = useMutation({
    mutationFn: (submit: boolean) =>
      call(reviewApi.saveReview, {
        params,
        body: {
          scores: scores ?? data?.review?.scores ?? {},
          commentCommittee: cc ?? data?.review?.commentCommittee ?? '',
          commentApplicant: ca ?? data?.review?.commentApplicant ?? '',
          submit,
        },
      }),
    onSuccess: () => {
      notify.ok();
      void invalidate(qc, reviewApi.entry, reviewApi.myAssignments);
    },
    onError: notify.error,
  });
  const post = useMutation({
    mutationFn: () => call(reviewApi.discuss, { params, body: { body: msg } }),
    onSuccess: () => {
      setMsg('');
      void invalidate(qc, reviewApi.discussion);
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
  const criteria = data.rubric.criteria;
  return (
    <Stack maw={900}>
      <Title order={1}>
        {data.submission.code} · <LText value={data.submission.title} />
      </Title>
      {data.review ? <Badge>{t(`review:reviewStatus.${data.review.status}`)}</Badge> : null}
      {data.categoryName ? (
        <Text size="sm">
          {t('calls:form.category')}: <LText value={data.categoryName} />
        </Text>
      ) : null}
      <FormAnswers
        fields={data.form}
        answers={data.submission.answers}
        files={data.files}
        fileUrl={(fileId) => submissionFileUrl(data.submission.id, fileId)}
      />
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
