import { Alert, Select, Stack, Text, TextInput, Textarea, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { directoryApi } from '../../features/directory/contract';
import { ApiError, fieldErrorText, query } from '../api';
import { pick, useLocale, type Locale, type LocalizedText } from '../i18n';
import { notifications } from '@mantine/notifications';

const fieldLocales: Locale[] = ['en', 'zh-Hans', 'zh-Hant'];

/** One input per language for a localized content field. */
export function LocalizedInput({
  label,
  value,
  onChange,
  multiline,
  required,
  error,
  name,
}: {
  label: string;
  value: LocalizedText;
  onChange: (v: LocalizedText) => void;
  multiline?: boolean;
  required?: boolean;
  error?: string;
  name?: string;
}) {
  const { t } = useTranslation();
  const Input = multiline ? Textarea : TextInput;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {label}
        {required ? <span aria-hidden="true"> *</span> : null}
      </Text>
      {fieldLocales.map((l) => (
        <Input
          key={l}
          name={name ? `${name}.${l}` : undefined}
          aria-label={`${label} (${t(`locales.${l}`)})`}
          placeholder={t(`locales.${l}`)}
          leftSection={
            <Text size="xs" c="dimmed">
              {l === 'en' ? 'EN' : l === 'zh-Hans' ? '简' : '繁'}
            </Text>
          }
          value={value[l] ?? ''}
          onChange={(e) => onChange({ ...value, [l]: e.currentTarget.value })}
          autosize={multiline ? true : undefined}
          minRows={multiline ? 2 : undefined}
          lang={l}
        />
      ))}
      {error ? (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      ) : (
        l10nHint(value, t)
      )}
    </Stack>
  );
}

function l10nHint(value: LocalizedText, t: (k: string) => string) {
  if ((value['zh-Hans'] && !value['zh-Hant']) || (value['zh-Hant'] && !value['zh-Hans']))
    return (
      <Text size="xs" c="dimmed">
        ⇄ {t('common.converted')}
      </Text>
    );
  return null;
}

export function useCountries() {
  return useQuery({ ...query(directoryApi.countries), staleTime: Infinity });
}

export function useCountryName() {
  const { data } = useCountries();
  const locale = useLocale();
  return (code: string | null | undefined) => (code ? pick(data?.find((c) => c.code === code)?.name, locale).text || code : '');
}

/** A country picker that finds a country by its code or its name in any of the three languages. */
export function CountrySelect(props: Omit<SelectProps, 'data'>) {
  const { data } = useCountries();
  const locale = useLocale();
  const options = (data ?? [])
    .map((c) => ({ value: c.code, label: `${pick(c.name, locale).text} (${c.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label, locale));
  const haystack = new Map((data ?? []).map((c) => [c.code, [c.code, ...Object.values(c.name)].join(' ').toLowerCase()]));
  return (
    <Select
      searchable
      clearable
      data={options}
      filter={({ options: opts, search }) => {
        const q = search.trim().toLowerCase();
        return q ? opts.filter((o) => 'value' in o && (haystack.get(o.value)?.includes(q) || o.label.toLowerCase().includes(q))) : opts;
      }}
      {...props}
    />
  );
}

/** A person-readable message for an API error, translated by its code when we know it. */
export function useErrorText() {
  const { t, i18n } = useTranslation();
  return (err: unknown) => {
    if (err instanceof ApiError) {
      const key = `errors.${err.code}`;
      if (!i18n.exists(key)) return err.message;
      // A refusal may say how many (e.g. selection_changed: what the filter matches now).
      if (err.code !== 'validation_failed' || !err.errors.length)
        return typeof err.body.count === 'number' ? t(key, { count: err.body.count }) : t(key);
      // Each field named by its path, without the request part it came in.
      return `${t(key)} ${err.errors.map((e) => `${e.path.replace(/^(body|query|params)\./, '')}: ${fieldErrorText(e)}`).join('; ')}`;
    }
    return t('errors.generic');
  };
}

export function ErrorAlert({ error }: { error: unknown }) {
  const text = useErrorText();
  if (!error) return null;
  return (
    // The status shows which alerts say "not found" (the end-to-end link check looks for them).
    <Alert color="red" role="alert" variant="light" data-error-status={error instanceof ApiError ? error.status : undefined}>
      {text(error)}
    </Alert>
  );
}

export function useNotify() {
  const text = useErrorText();
  const { t } = useTranslation();
  return {
    ok: (message = t('common.saved')) =>
      notifications.show({ color: 'green', message, closeButtonProps: { 'aria-label': t('common.close') } }),
    error: (err: unknown) =>
      notifications.show({ color: 'red', message: text(err), closeButtonProps: { 'aria-label': t('common.close') } }),
  };
}
