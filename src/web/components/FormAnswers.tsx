import { Anchor, Box, Group, Stack, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../format';
import { type LocalizedText, useLocale } from '../i18n';
import { LText, useLocalized } from '../localized';
import { useCountryName } from './forms';

/**
 * A field of a form as both form engines define it: a call's form (text, longtext, choice,
 * multichoice, number, date, country, url, file, people) and an event's registration form
 * (text, textarea, select, date, country, checkbox).
 */
export interface AnswerField {
  key: string;
  type: string;
  label?: LocalizedText;
  options?: Array<{ value: string; label?: LocalizedText }>;
}

/** A file an answer names, as the server describes it to a reader of the answers. */
export interface AnswerFile {
  fileId: string;
  name: string;
  mime: string;
  size: number;
}

interface PersonAnswer {
  name: string;
  email?: string;
  organization?: string;
  country?: string;
  role?: string;
}

/** The short name of a file type people know (the types the platform accepts). */
const formatOf: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/png': 'PNG',
  'image/jpeg': 'JPEG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word (DOCX)',
  'application/zip': 'ZIP',
};

const isLocalizedText = (v: unknown): v is LocalizedText => !!v && typeof v === 'object' && !Array.isArray(v);
const isEmpty = (v: unknown) =>
  v == null || v === '' || (Array.isArray(v) && !v.length) || (isLocalizedText(v) && !Object.values(v).some(Boolean));

/**
 * The answers to a form, read-only, in the form's order and the viewer's language: each field by
 * its label, a choice by its option's label, a country by its name, a date and a number in the
 * viewer's format, yes or no for a tick box, a list of people as a table (a list on a phone), and a
 * file by its name and size, linked for download when `fileUrl` is given (the caller gives it only to
 * readers the server lets download it). Unanswered fields are left out.
 */
export function FormAnswers({
  fields,
  answers,
  files = [],
  fileUrl,
}: {
  fields: AnswerField[];
  answers: Record<string, unknown>;
  files?: AnswerFile[];
  fileUrl?: (fileId: string) => string;
}) {
  const { t } = useTranslation(['shell']);
  const loc = useLocalized();
  const locale = useLocale();
  const f = useFormat();
  const country = useCountryName();
  const list = (items: string[]) => new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
  const optionLabel = (field: AnswerField, v: unknown) => {
    const o = field.options?.find((x) => x.value === String(v));
    return (o && loc(o.label).text) || String(v);
  };
  const file = (id: string) => {
    const meta = files.find((x) => x.fileId === id);
    if (!meta)
      return (
        <Text key={id} size="sm" c="dimmed">
          {t('shell:answers.fileGone')}
        </Text>
      );
    return (
      <Group key={id} gap={8} wrap="wrap" data-testid="answer-file">
        {fileUrl ? (
          <Anchor href={fileUrl(id)} size="sm" style={{ overflowWrap: 'anywhere' }}>
            {meta.name}
          </Anchor>
        ) : (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {meta.name}
          </Text>
        )}
        <Text size="xs" c="dimmed">
          {[formatOf[meta.mime], f.fileSize(meta.size)].filter(Boolean).join(' · ')}
        </Text>
      </Group>
    );
  };
  const people = (rows: PersonAnswer[]) => {
    const columns = (
      [
        ['name', t('shell:answers.name')],
        ['role', t('shell:answers.role')],
        ['organization', t('shell:answers.organization')],
        ['country', t('shell:common.country')],
        ['email', t('shell:common.email')],
      ] as const
    ).filter(([k]) => rows.some((r) => r[k]));
    const cell = (r: PersonAnswer, k: (typeof columns)[number][0]) => (k === 'country' ? country(r.country) : (r[k] ?? ''));
    return (
      <>
        <Table.ScrollContainer minWidth={480} visibleFrom="sm">
          <Table withTableBorder striped data-testid="answer-people">
            <Table.Thead>
              <Table.Tr>
                {columns.map(([k, label]) => (
                  <Table.Th key={k}>{label}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((r, i) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the people of an answer have no id; their order is the applicant's
                <Table.Tr key={i}>
                  {columns.map(([k]) => (
                    <Table.Td key={k} style={k === 'email' ? { overflowWrap: 'anywhere' } : undefined}>
                      {cell(r, k)}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        <Stack gap={6} hiddenFrom="sm">
          {rows.map((r, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            <Box key={i} pl="sm" style={{ borderInlineStart: '3px solid var(--mantine-color-gray-3)' }}>
              <Text size="sm" fw={600}>
                {r.name}
              </Text>
              <Text size="sm">{[r.role, r.organization, country(r.country)].filter(Boolean).join(' · ')}</Text>
              {r.email ? (
                <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                  {r.email}
                </Text>
              ) : null}
            </Box>
          ))}
        </Stack>
      </>
    );
  };
  const value = (field: AnswerField, v: unknown): ReactNode => {
    if (typeof v === 'boolean') return v ? t('shell:common.yes') : t('shell:common.no');
    switch (field.type) {
      case 'choice':
      case 'select':
        return optionLabel(field, v);
      case 'multichoice':
        return list([v].flat().map((x) => optionLabel(field, x)));
      case 'country':
        return country(String(v));
      case 'date':
        return f.date(String(v));
      case 'number':
        return typeof v === 'number' ? f.number(v) : String(v);
      case 'url':
        return (
          <Anchor href={String(v)} target="_blank" rel="noopener noreferrer nofollow" style={{ overflowWrap: 'anywhere' }}>
            {String(v)}
          </Anchor>
        );
      case 'file':
        return <Stack gap={4}>{[v].flat().map((id) => file(String(id)))}</Stack>;
      case 'people':
        return people((Array.isArray(v) ? v : []).filter((p): p is PersonAnswer => !!p && typeof p === 'object' && 'name' in p));
      default:
        if (isLocalizedText(v)) return <LText value={v} />;
        return String(v);
    }
  };
  const shown = fields.filter((x) => !isEmpty(answers[x.key]));
  if (!shown.length)
    return (
      <Text size="sm" c="dimmed">
        {t('shell:answers.none')}
      </Text>
    );
  return (
    <Stack gap="sm" component="dl" m={0} data-testid="form-answers">
      {shown.map((field) => (
        <div key={field.key}>
          <Text component="dt" size="sm" fw={600}>
            {loc(field.label).text || field.key}
          </Text>
          <Text
            component="dd"
            m={0}
            size="sm"
            style={{ whiteSpace: field.type === 'people' || field.type === 'file' ? undefined : 'pre-wrap' }}
          >
            {value(field, answers[field.key])}
          </Text>
        </div>
      ))}
    </Stack>
  );
}
