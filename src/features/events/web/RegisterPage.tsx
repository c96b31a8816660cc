import { Alert, Button, Checkbox, SegmentedControl, Select, Stack, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ApiError, call, query } from '../../../web/api';
import { eventsApi, eventsPages, genders, type StakeholderGroup, stakeholderGroups } from '../contract';
import { CountrySelect, ErrorAlert, useNotify } from '../../../web/components/forms';
import { useTo } from '../../../web/links';
import { useLocalized } from '../../../web/localized';
import { RequireAuth, useMe } from '../../../web/session';

function RegisterForm() {
  const { slug = '' } = useParams();
  const { t } = useTranslation(['events', 'shell']);
  const localized = useLocalized();
  const navigate = useNavigate();
  const to = useTo();
  const notify = useNotify();
  const me = useMe();
  const q = useQuery(query(eventsApi.agenda, { params: { id: slug } }));
  const [v, setV] = useState({
    category: 'delegate',
    attendance: 'on-site' as 'on-site' | 'online',
    name: '',
    nameLatin: '',
    organization: '',
    countryCode: null as string | null,
    stakeholderGroup: null as StakeholderGroup | null,
    gender: null as (typeof genders)[number] | null,
  });
  const [answers, setAnswers] = useState<Record<string, string | boolean>>({});
  const [sessions, setSessions] = useState<string[]>([]);
  useEffect(() => {
    if (me.data?.user && !v.name) setV((x) => ({ ...x, name: me.data!.user!.name }));
  }, [me.data, v.name]);
  // An accepted invitation opens this form with its category (?category=speaker), where the event has it.
  const [params] = useSearchParams();
  const invited = q.data?.event.categories.find((c) => c.key === params.get('category'));
  useEffect(() => {
    if (invited) setV((x) => ({ ...x, category: invited.key, attendance: invited.attendance[0] }));
  }, [invited]);
  const submit = useMutation({
    mutationFn: () =>
      call(eventsApi.register, {
        params: { id: q.data!.event.id },
        body: { ...v, nameLatin: v.nameLatin || null, organization: v.organization || null, answers, sessions },
      }),
    onSuccess: () => {
      notify.ok(t('events:form.done'));
      navigate(to(eventsPages.myRegistrations));
    },
  });
  if (q.error) return <ErrorAlert error={q.error} />;
  if (!q.data) return null;
  const ev = q.data.event;
  if (!ev.registrationOpen) return <Alert>{t('events:form.closed')}</Alert>;
  const cat = ev.categories.find((c) => c.key === v.category);
  const err = submit.error instanceof ApiError ? submit.error : null;
  const shown = ev.formFields.filter((f) => !f.showIf || answers[f.showIf.field] === f.showIf.equals);
  return (
    <Stack maw={720}>
      <Title order={1}>{t('events:form.title', { event: localized(ev.name).text })}</Title>
      <ErrorAlert error={submit.error} />
      <Select
        label={t('events:form.category')}
        data={ev.categories.map((c) => ({ value: c.key, label: localized(c.name).text }))}
        value={v.category}
        onChange={(x) => x && setV({ ...v, category: x, attendance: ev.categories.find((c) => c.key === x)!.attendance[0] })}
        allowDeselect={false}
      />
      <SegmentedControl
        aria-label={t('events:form.attendance')}
        value={v.attendance}
        onChange={(x) => setV({ ...v, attendance: x === 'online' ? 'online' : 'on-site' })}
        data={(cat?.attendance ?? ['on-site'])
          .filter((a) => ev.mode === 'hybrid' || (ev.mode === 'online') === (a === 'online'))
          .map((a) => ({ value: a, label: t(`events:attendance.${a}`) }))}
      />
      <TextInput
        label={t('events:form.name')}
        required
        value={v.name}
        onChange={(e) => setV({ ...v, name: e.currentTarget.value })}
        error={err?.field('name')}
      />
      <TextInput
        label={t('events:form.nameLatin')}
        value={v.nameLatin}
        onChange={(e) => setV({ ...v, nameLatin: e.currentTarget.value })}
      />
      <TextInput
        label={t('events:form.organization')}
        value={v.organization}
        onChange={(e) => setV({ ...v, organization: e.currentTarget.value })}
      />
      <CountrySelect label={t('events:form.country')} value={v.countryCode} onChange={(x) => setV({ ...v, countryCode: x })} />
      <Select
        label={t('events:form.group')}
        clearable
        data={stakeholderGroups.map((g) => ({ value: g, label: t(`shell:stakeholders.${g}`) }))}
        value={v.stakeholderGroup}
        onChange={(x) => setV({ ...v, stakeholderGroup: stakeholderGroups.find((g) => g === x) ?? null })}
      />
      <Select
        label={t('events:form.gender')}
        description={t('events:form.genderWhy')}
        clearable
        data={genders.map((g) => ({ value: g, label: t(`shell:genders.${g}`) }))}
        value={v.gender}
        onChange={(x) => setV({ ...v, gender: genders.find((g) => g === x) ?? null })}
      />
      {shown.map((f) =>
        f.type === 'checkbox' ? (
          <Checkbox
            key={f.key}
            label={localized(f.label).text}
            checked={answers[f.key] === true}
            onChange={(e) => setAnswers({ ...answers, [f.key]: e.currentTarget.checked })}
          />
        ) : f.type === 'select' ? (
          <Select
            key={f.key}
            label={localized(f.label).text}
            required={f.required}
            data={(f.options ?? []).map((o) => ({ value: o.value, label: localized(o.label).text }))}
            value={(answers[f.key] as string) ?? null}
            onChange={(x) => setAnswers({ ...answers, [f.key]: x ?? '' })}
            error={err?.field(f.key)}
          />
        ) : f.type === 'country' ? (
          <CountrySelect
            key={f.key}
            label={localized(f.label).text}
            required={f.required}
            value={(answers[f.key] as string) ?? null}
            onChange={(x) => setAnswers({ ...answers, [f.key]: x ?? '' })}
            error={err?.field(f.key)}
          />
        ) : (
          <TextInput
            key={f.key}
            type={f.type === 'date' ? 'date' : 'text'}
            label={localized(f.label).text}
            required={f.required}
            value={(answers[f.key] as string) ?? ''}
            onChange={(e) => setAnswers({ ...answers, [f.key]: e.currentTarget.value })}
            error={err?.field(f.key)}
          />
        ),
      )}
      <Title order={2} size="h4">
        {t('events:form.sessions')}
      </Title>
      {q.data.sessions
        .filter((s) => s.capacity != null && !s.cancelled)
        .map((s) => (
          <Checkbox
            key={s.id}
            label={`${localized(s.title).text}${s.confirmed >= s.capacity! ? ` — ${t('events:agenda.full')}` : ''}`}
            checked={sessions.includes(s.id)}
            onChange={(e) => setSessions(e.currentTarget.checked ? [...sessions, s.id] : sessions.filter((x) => x !== s.id))}
          />
        ))}
      <Button onClick={() => submit.mutate()} loading={submit.isPending} disabled={submit.isPending}>
        {t('events:form.submit')}
      </Button>
    </Stack>
  );
}

export const RegisterPage = () => (
  <RequireAuth>
    <RegisterForm />
  </RequireAuth>
);
