import { Anchor, Button, Group, MultiSelect, NumberInput, Select, Stack, Text, TextInput, Textarea, FileInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CountrySelect, LocalizedInput } from '../../../web/components/forms';
import type { LocalizedText } from '../../../web/i18n';
import { useLocalized } from '../../../web/localized';
import type { FormField, Option } from '../form';

type Answers = Record<string, unknown>;

/** Same rule as the server (form.ts isShown): a field with showIf appears when the other answer matches. */
const shown = (f: FormField, a: Answers) => {
  if (!f.showIf) return true;
  const v = a[f.showIf.field];
  const vals = Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)];
  return vals.some((x) => f.showIf!.equals.includes(x));
};

interface PersonV {
  name: string;
  email?: string;
}

/** Renders a call's form from its definition; errors are keyed by answer path (answers.<key>). */
export function FormRenderer({
  form,
  answers,
  onChange,
  errors,
  onUpload,
  fileNames,
  fileUrl,
  disabled,
}: {
  form: FormField[];
  answers: Answers;
  onChange: (a: Answers) => void;
  errors: Record<string, string>;
  onUpload: (key: string, file: File) => void;
  fileNames: Record<string, string>;
  /** Where a file already saved with the answers downloads (undefined: not downloadable yet). */
  fileUrl?: (fileId: string) => string | undefined;
  disabled?: boolean;
}) {
  const { t } = useTranslation(['calls', 'shell']);
  const loc = useLocalized();
  const set = (k: string, v: unknown) => onChange({ ...answers, [k]: v });
  const opts = (o?: Option[]) => (o ?? []).map((x) => ({ value: x.value, label: loc(x.label).text || x.value }));
  const errOf = (k: string) => Object.entries(errors).find(([p]) => p === `answers.${k}` || p.startsWith(`answers.${k}.`))?.[1];
  return (
    <Stack>
      {form
        .filter((f) => shown(f, answers))
        .map((f) => {
          const label = loc(f.label).text || f.key;
          const common = {
            label,
            required: !!f.required,
            error: errOf(f.key),
            disabled,
            description: f.help ? loc(f.help).text : undefined,
            name: f.key,
          };
          const v = answers[f.key];
          switch (f.type) {
            case 'text':
            case 'longtext':
              return f.localized ? (
                <LocalizedInput
                  key={f.key}
                  name={f.key}
                  label={label}
                  required={!!f.required}
                  multiline={f.type === 'longtext'}
                  value={(v as LocalizedText) ?? {}}
                  onChange={(x) => set(f.key, x)}
                  error={errOf(f.key)}
                />
              ) : f.type === 'text' ? (
                <TextInput
                  key={f.key}
                  {...common}
                  maxLength={f.maxLength}
                  value={(v as string) ?? ''}
                  onChange={(e) => set(f.key, e.currentTarget.value)}
                />
              ) : (
                <Textarea
                  key={f.key}
                  {...common}
                  autosize
                  minRows={3}
                  value={(v as string) ?? ''}
                  onChange={(e) => set(f.key, e.currentTarget.value)}
                />
              );
            case 'choice':
              return (
                <Select
                  key={f.key}
                  {...common}
                  data={opts(f.options)}
                  value={(v as string) ?? null}
                  onChange={(x) => set(f.key, x)}
                  clearable
                />
              );
            case 'multichoice':
              return (
                <MultiSelect key={f.key} {...common} data={opts(f.options)} value={(v as string[]) ?? []} onChange={(x) => set(f.key, x)} />
              );
            case 'number':
              return (
                <NumberInput
                  key={f.key}
                  {...common}
                  min={f.min}
                  max={f.max}
                  value={(v as number) ?? ''}
                  onChange={(x) => set(f.key, x === '' ? null : x)}
                />
              );
            case 'date':
              return (
                <TextInput
                  key={f.key}
                  {...common}
                  type="date"
                  value={(v as string) ?? ''}
                  onChange={(e) => set(f.key, e.currentTarget.value)}
                />
              );
            case 'country':
              return <CountrySelect key={f.key} {...common} value={(v as string) ?? null} onChange={(x) => set(f.key, x)} />;
            case 'url':
              return (
                <TextInput
                  key={f.key}
                  {...common}
                  type="url"
                  value={(v as string) ?? ''}
                  onChange={(e) => set(f.key, e.currentTarget.value)}
                />
              );
            case 'file':
              return (
                <Stack key={f.key} gap={4}>
                  <FileInput
                    {...common}
                    placeholder={t('calls:form.upload')}
                    accept="application/pdf,image/png,image/jpeg,.docx,.zip"
                    onChange={(file) => file && onUpload(f.key, file)}
                    clearable={false}
                  />
                  {v ? (
                    <Text size="xs" c="dimmed" data-testid={`file-${f.key}`}>
                      {fileNames[String(v)] && fileUrl?.(String(v)) ? (
                        <>
                          {t('calls:form.attached')}{' '}
                          <Anchor href={fileUrl(String(v))} size="xs">
                            {fileNames[String(v)]}
                          </Anchor>
                        </>
                      ) : fileNames[String(v)] ? (
                        t('calls:form.uploaded', { name: fileNames[String(v)] })
                      ) : (
                        t('shell:answers.fileGone')
                      )}
                    </Text>
                  ) : null}
                </Stack>
              );
            case 'people': {
              const list = (v as PersonV[]) ?? [];
              const upd = (i: number, p: Partial<PersonV>) =>
                set(
                  f.key,
                  list.map((x, j) => (j === i ? { ...x, ...p } : x)),
                );
              return (
                <Stack key={f.key} gap={4}>
                  <Text size="sm" fw={500}>
                    {label}
                  </Text>
                  {list.map((p, i) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: rows of an editable list have no id; each input follows its row's position
                    <Group key={i} align="end" wrap="nowrap">
                      <TextInput
                        label={t('calls:form.name')}
                        name={`${f.key}.${i}.name`}
                        value={p.name}
                        onChange={(e) => upd(i, { name: e.currentTarget.value })}
                        disabled={disabled}
                      />
                      <TextInput
                        label={t('calls:form.email')}
                        name={`${f.key}.${i}.email`}
                        type="email"
                        value={p.email ?? ''}
                        onChange={(e) => upd(i, { email: e.currentTarget.value })}
                        disabled={disabled}
                      />
                      <Button
                        variant="default"
                        onClick={() =>
                          set(
                            f.key,
                            list.filter((_, j) => j !== i),
                          )
                        }
                        disabled={disabled}
                      >
                        {t('calls:form.remove')}
                      </Button>
                    </Group>
                  ))}
                  <Button
                    variant="light"
                    size="xs"
                    w="fit-content"
                    onClick={() => set(f.key, [...list, { name: '' }])}
                    disabled={disabled || (!!f.maxItems && list.length >= f.maxItems)}
                  >
                    {t('calls:form.addPerson')}
                  </Button>
                  {errOf(f.key) ? (
                    <Text size="xs" c="red" role="alert">
                      {errOf(f.key)}
                    </Text>
                  ) : null}
                </Stack>
              );
            }
            default:
              return null;
          }
        })}
    </Stack>
  );
}
