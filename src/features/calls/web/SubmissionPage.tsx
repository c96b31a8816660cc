import { Badge, Button, Group, Select, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type ComponentType, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { ApiError, call, query, upload } from '../../../web/api';
import { ErrorAlert, useNotify } from '../../../web/components/forms';
import { FormAnswers } from '../../../web/components/FormAnswers';
import { LText, useLocalized } from '../../../web/localized';
import { callsApi } from '../contract';
import { callQuery } from './callQuery';
import { FormRenderer } from './FormRenderer';
import { Deadline } from './Deadline';

/**
 * The applicant's submission: fill in, save, submit, withdraw. `feedback` shows
 * what the review sends back to the applicant (the review feature passes it in).
 */
export function SubmissionPage({
  feedback: Feedback,
  fileUrl,
}: {
  feedback?: ComponentType<{ submissionId: string }>;
  fileUrl?: (submissionId: string, fileId: string) => string;
}) {
  const { id } = useParams();
  const { t } = useTranslation(['calls', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const loc = useLocalized();
  const params = { id: id ?? '' };
  const read = useQuery(query(callsApi.submission, { params }));
  // A nominating organization's view has no answers; this page is the applicant's.
  const s = read.data && 'answers' in read.data ? read.data : undefined;
  const error = read.error;
  const { data: c } = useQuery(callQuery(s?.callId));
  const [answers, setAnswers] = useState<Record<string, unknown> | null>(null);
  const [category, setCategory] = useState<string | null | undefined>(undefined);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [fileNames, setFileNames] = useState<Record<string, string>>({});
  const a = answers ?? s?.answers ?? {};
  const cat = category === undefined ? (s?.category ?? null) : category;
  const onErr = (e: unknown) => {
    if (e instanceof ApiError && e.errors.length) setErrors(Object.fromEntries(e.errors.map((x) => [x.path, x.message])));
    notify.error(e);
  };
  const shown = (x: Reply<typeof callsApi.submission>) => qc.setQueryData(query(callsApi.submission, { params }).queryKey, x);
  const save = useMutation({
    mutationFn: () => call(callsApi.saveDraft, { params, body: { answers: a, category: cat } }),
    onSuccess: (x) => {
      setErrors({});
      shown(x);
      notify.ok(t('calls:form.saved'));
    },
    onError: onErr,
  });
  const submit = useMutation({
    mutationFn: async () => {
      await call(callsApi.saveDraft, { params, body: { answers: a, category: cat } });
      return call(callsApi.submit, { params });
    },
    onSuccess: (x) => {
      setErrors({});
      shown(x);
      notify.ok(t('calls:form.submitted'));
    },
    onError: onErr,
  });
  const withdraw = useMutation({
    mutationFn: () => call(callsApi.withdraw, { params }),
    onSuccess: shown,
    onError: onErr,
  });
  const uploadTo = async (key: string, file: File) => {
    try {
      const r = await upload(callsApi.uploadFile, params, file);
      setFileNames((m) => ({ ...m, [r.fileId]: r.name }));
      setAnswers({ ...a, [key]: r.fileId });
    } catch (e) {
      onErr(e);
    }
  };
  if (error) return <ErrorAlert error={error} />;
  if (!s || !c) return null;
  const locked = s.status === 'withdrawn' || !c.isOpen;
  // Saved files by their names (kept with the submission), then those uploaded on this page since.
  const names = { ...Object.fromEntries(s.files.map((f) => [f.fileId, f.name])), ...fileNames };
  const saved = new Set(s.files.map((f) => f.fileId));
  const linkOf = fileUrl ? (fileId: string) => (saved.has(fileId) ? fileUrl(s.id, fileId) : undefined) : undefined;
  const chosen = c.categories.find((o) => o.value === s.category);
  return (
    <Stack maw={900}>
      <Title order={1}>
        <LText value={c.title} />
      </Title>
      <Group>
        <Badge size="lg" variant="outline" data-testid="submission-code">
          {s.code}
        </Badge>
        <Badge data-testid="submission-status">{t(`calls:status.${s.status}`)}</Badge>
        {s.decision ? <Badge color="green">{t(`calls:status.${s.decision}`)}</Badge> : null}
        <Deadline call={c} />
      </Group>
      {Feedback ? <Feedback submissionId={s.id} /> : null}
      {locked ? (
        <>
          {chosen ? (
            <Text size="sm">
              {t('calls:form.category')}: {loc(chosen.label).text}
            </Text>
          ) : null}
          <FormAnswers
            fields={c.form}
            answers={s.answers}
            files={s.files}
            fileUrl={fileUrl ? (fileId) => fileUrl(s.id, fileId) : undefined}
          />
        </>
      ) : (
        <>
          {c.categories.length ? (
            <Select
              name="category"
              label={t('calls:form.category')}
              required
              data={c.categories.map((o) => ({ value: o.value, label: loc(o.label).text }))}
              value={cat}
              onChange={setCategory}
              error={errors.category}
            />
          ) : null}
          <FormRenderer
            form={c.form}
            answers={a}
            onChange={setAnswers}
            errors={errors}
            onUpload={uploadTo}
            fileNames={names}
            fileUrl={linkOf}
          />
        </>
      )}
      {!locked ? (
        <Group>
          <Button variant="default" onClick={() => save.mutate()} loading={save.isPending} data-testid="save">
            {t('calls:form.save')}
          </Button>
          <Button onClick={() => submit.mutate()} loading={submit.isPending} data-testid="submit">
            {t('calls:form.submit')}
          </Button>
          {s.status !== 'withdrawn' ? (
            <Button variant="default" onClick={() => withdraw.mutate()}>
              {t('calls:form.withdraw')}
            </Button>
          ) : null}
        </Group>
      ) : null}
    </Stack>
  );
}
