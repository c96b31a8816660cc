import { Button, Card, Checkbox, Group, NumberInput, Select, Stack, Switch, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, invalidate, query } from '../../../web/api';
import type { Reply } from '../../../platform/http/contract';
import { ErrorAlert, LocalizedInput, useNotify } from '../../../web/components/forms';
import type { LocalizedText } from '../../../web/i18n';
import { useLocalized } from '../../../web/localized';
import { isoToLocal, localToIso } from '../../../web/time';
import { type Criterion, callsApi } from '../contract';
import type { FormField } from '../form';
import { useDeadlineText } from './Deadline';
import { zonesWith } from './zones';

const types = ['text', 'longtext', 'choice', 'multichoice', 'number', 'date', 'country', 'url', 'file', 'people'] as const;

/** Staff adjust a call copied from a template: texts, dates, settings, the form's fields, the rubric. */
export function CallBuilder({ call: c }: { call: Reply<typeof callsApi.get> }) {
  const { t } = useTranslation(['calls', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const loc = useLocalized();
  const deadline = useDeadlineText();
  const [title, setTitle] = useState<LocalizedText>(c.title);
  const [rules, setRules] = useState<LocalizedText>(c.rules);
  // The deadline is entered as the call announces it: wall-clock time in the call's own zone.
  const [timeZone, setTimeZone] = useState(c.timeZone);
  const [closesAt, setClosesAt] = useState(isoToLocal(c.closesAt, c.timeZone));
  const [published, setPublished] = useState(c.published);
  const [allowEdit, setAllowEdit] = useState(c.allowEdit ?? true);
  const [k, setK] = useState(c.reviewsPerSubmission ?? 3);
  const [form, setForm] = useState<FormField[]>(c.form);
  const [newField, setNewField] = useState<{ key: string; type: (typeof types)[number]; label: string }>({
    key: '',
    type: 'text',
    label: '',
  });
  const save = useMutation({
    mutationFn: () =>
      call(callsApi.update, {
        params: { id: c.id },
        body: {
          title,
          rules,
          closesAt: localToIso(closesAt, timeZone),
          timeZone,
          published,
          allowEdit,
          reviewsPerSubmission: k,
          form,
        },
      }),
    onSuccess: () => {
      notify.ok();
      void invalidate(qc, callsApi.get, callsApi.list);
    },
  });
  const rubricOf = { params: { id: c.id, round: 1 } };
  const { data: rubric } = useQuery(query(callsApi.rubric, rubricOf));
  const [criteria, setCriteria] = useState<Criterion[] | null>(null);
  const crit = criteria ?? rubric?.criteria ?? [];
  const saveRubric = useMutation({
    mutationFn: () =>
      call(callsApi.setRubric, {
        ...rubricOf,
        body: { criteria: crit, scaleMin: rubric?.scaleMin ?? 1, scaleMax: rubric?.scaleMax ?? 10 },
      }),
    onSuccess: () => notify.ok(),
    onError: notify.error,
  });
  const upd = (i: number, p: Partial<FormField>) => setForm(form.map((f, j) => (j === i ? { ...f, ...p } : f)));
  return (
    <Stack maw={900}>
      <LocalizedInput label={t('calls:builder.title')} value={title} onChange={setTitle} required />
      <LocalizedInput label={t('calls:call.rules')} value={rules} onChange={setRules} multiline />
      <Group align="end">
        <Select
          label={t('calls:admin.timeZone')}
          data={zonesWith(timeZone)}
          value={timeZone}
          onChange={(v) => v && setTimeZone(v)}
          allowDeselect={false}
          w={200}
        />
        <TextInput
          type="datetime-local"
          label={t('calls:builder.deadline', { zone: timeZone })}
          value={closesAt}
          onChange={(e) => setClosesAt(e.currentTarget.value)}
          description={closesAt ? deadline({ closesAt: localToIso(closesAt, timeZone), timeZone }) : null}
        />
        <NumberInput label={t('calls:builder.k')} value={k} min={1} max={20} onChange={(v) => setK(Number(v))} w={160} />
        <Switch label={t('calls:admin.published')} checked={published} onChange={(e) => setPublished(e.currentTarget.checked)} />
        <Switch label={t('calls:builder.allowEdit')} checked={allowEdit} onChange={(e) => setAllowEdit(e.currentTarget.checked)} />
      </Group>
      <Title order={3}>{t('calls:builder.fields')}</Title>
      {form.map((f, i) => (
        <Card key={f.key} withBorder padding="xs">
          <Group wrap="wrap" align="end">
            <Text fw={600} w={130}>
              {f.key}
            </Text>
            <Text size="sm" c="dimmed" w={90}>
              {t(`calls:fieldTypes.${f.type}`)}
            </Text>
            <TextInput
              aria-label={`${f.key} label`}
              value={loc(f.label).text}
              onChange={(e) => upd(i, { label: { ...f.label, en: e.currentTarget.value } })}
              w={260}
            />
            <Checkbox
              label={t('calls:builder.required')}
              checked={!!f.required}
              onChange={(e) => upd(i, { required: e.currentTarget.checked })}
            />
            {f.type === 'text' || f.type === 'longtext' ? (
              <NumberInput
                aria-label={`${f.key} max length`}
                placeholder={t('calls:builder.maxLength')}
                value={f.maxLength ?? ''}
                min={1}
                onChange={(v) => upd(i, { maxLength: v === '' ? undefined : Number(v) })}
                w={120}
              />
            ) : null}
            <Button size="xs" variant="default" onClick={() => setForm(form.filter((_, j) => j !== i))}>
              {t('calls:form.remove')}
            </Button>
          </Group>
        </Card>
      ))}
      <Group align="end">
        <TextInput
          label={t('calls:builder.key')}
          value={newField.key}
          onChange={(e) => setNewField({ ...newField, key: e.currentTarget.value })}
        />
        <Select
          label={t('calls:builder.type')}
          data={types.map((v) => ({ value: v, label: t(`calls:fieldTypes.${v}`) }))}
          value={newField.type}
          onChange={(v) => v && setNewField({ ...newField, type: v as (typeof types)[number] })}
          allowDeselect={false}
        />
        <TextInput
          label={t('calls:builder.label')}
          value={newField.label}
          onChange={(e) => setNewField({ ...newField, label: e.currentTarget.value })}
        />
        <Button
          variant="light"
          disabled={!newField.key || !newField.label}
          onClick={() => {
            const field: FormField = {
              key: newField.key,
              type: newField.type,
              label: { en: newField.label },
              required: false,
              ...(newField.type === 'choice' || newField.type === 'multichoice'
                ? {
                    options: [
                      { value: 'yes', label: { en: 'Yes' } },
                      { value: 'no', label: { en: 'No' } },
                    ],
                  }
                : {}),
              ...(newField.type === 'text' || newField.type === 'longtext' ? { localized: true } : {}),
            };
            setForm([...form, field]);
            setNewField({ key: '', type: 'text', label: '' });
          }}
        >
          {t('calls:builder.add')}
        </Button>
      </Group>
      <ErrorAlert error={save.error} />
      <Button w="fit-content" onClick={() => save.mutate()} loading={save.isPending}>
        {t('shell:common.save')}
      </Button>
      <Title order={3}>{t('calls:builder.rubric')}</Title>
      {crit.map((c, i) => (
        <Group key={c.key} align="end">
          <Text w={140}>{loc(c.label).text}</Text>
          <NumberInput
            aria-label={`${c.key} weight`}
            label={t('calls:builder.weight')}
            value={c.weight}
            min={0.1}
            step={1}
            onChange={(v) => setCriteria(crit.map((x, j) => (j === i ? { ...x, weight: Number(v) } : x)))}
            w={120}
          />
        </Group>
      ))}
      <Button w="fit-content" variant="default" onClick={() => saveRubric.mutate()}>
        {t('calls:builder.saveRubric')}
      </Button>
    </Stack>
  );
}
