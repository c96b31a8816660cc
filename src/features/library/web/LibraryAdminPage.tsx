import {
  Anchor,
  Badge,
  Button,
  Card,
  FileInput,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiError, call, invalidate, query, upload as send } from '../../../web/api';
import { libraryApi as api, libraryPages, type PublicationKind, publicationKinds as kinds } from '../contract';
import { EditionLabel } from './EditionLabel';
import { ErrorAlert, LocalizedInput, useNotify } from '../../../web/components/forms';
import { type Locale, type LocalizedText, locales } from '../../../web/i18n';
import { useFormat } from '../../../web/format';
import { useTo } from '../../../web/links';
import { useLocalized } from '../../../web/localized';

/** Secretariat: add publications, their files per language and covers. */
export function LibraryAdminPage() {
  const { t } = useTranslation(['library', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const loc = useLocalized();
  const to = useTo();
  const fmt = useFormat();
  const list = useQuery(query(api.manage, { query: { pageSize: 100 } }));
  const [kind, setKind] = useState<PublicationKind>('blue-book');
  const [year, setYear] = useState<number>(new Date().getFullYear());
  const [title, setTitle] = useState<LocalizedText>({});
  const [abstract, setAbstract] = useState<LocalizedText>({});
  const [tags, setTags] = useState<string[]>([]);
  const [edition, setEdition] = useState('');
  const [supersedes, setSupersedes] = useState<string | null>(null);
  const [author, setAuthor] = useState<LocalizedText>({});
  const [fileLang, setFileLang] = useState<Record<string, Locale>>({});
  const refresh = () => invalidate(qc, api.manage);
  const create = useMutation({
    mutationFn: () =>
      call(api.create, {
        body: {
          kind,
          year,
          title,
          abstract,
          tags,
          edition: edition || null,
          supersedesId: supersedes,
          authors: Object.keys(author).length ? [{ kind: 'organization', name: author }] : [],
          status: 'published',
        },
      }),
    onSuccess: () => {
      setTitle({});
      setAbstract({});
      setTags([]);
      setEdition('');
      setSupersedes(null);
      refresh();
      notify.ok();
    },
    onError: notify.error,
  });
  const upload = useMutation({
    mutationFn: (v: { id: string; lang: Locale; file: File }) => send(api.uploadFile, { id: v.id, lang: v.lang }, v.file),
    onSuccess: refresh,
    onError: notify.error,
  });
  const cover = useMutation({
    mutationFn: (v: { id: string; file: File }) => send(api.uploadCover, { id: v.id }, v.file),
    onSuccess: refresh,
    onError: notify.error,
  });
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <Stack>
      <Title order={1}>{t('library:title')}</Title>
      {list.error ? <ErrorAlert error={list.error} /> : null}
      <Table.ScrollContainer minWidth={900}>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('library:publication')}</Table.Th>
              <Table.Th>{t('library:filters.kind')}</Table.Th>
              <Table.Th>{t('library:files')}</Table.Th>
              <Table.Th>{t('library:actions')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.data && !list.data.items.length ? (
              <Table.Tr>
                <Table.Td colSpan={4}>{t('library:empty')}</Table.Td>
              </Table.Tr>
            ) : null}
            {(list.data?.items ?? []).map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>
                  <Anchor component={Link} to={to(libraryPages.publication, { id: p.id })}>
                    <EditionLabel edition={p} />
                  </Anchor>
                  <Group gap={4} mt={4}>
                    {p.status !== 'published' ? <Badge color="gray">{t(`library:status.${p.status}`)}</Badge> : null}
                    {p.supersededBy ? <Badge color="gray.7">{t('library:earlierEdition')}</Badge> : null}
                  </Group>
                </Table.Td>
                <Table.Td>{t(`library:kind.${p.kind}`)}</Table.Td>
                <Table.Td>
                  {p.files.length
                    ? p.files.map((f) => (
                        <Text key={f.lang} size="xs">
                          {t(`library:language.${f.lang}`)} · {fmt.fileSize(f.size)} ·{' '}
                          {f.downloads
                            ? t('library:downloads', { count: f.downloads, n: fmt.number(f.downloads) })
                            : t('library:noDownloads')}
                        </Text>
                      ))
                    : t('library:noFiles')}
                </Table.Td>
                <Table.Td>
                  <Group gap="xs" wrap="nowrap">
                    <Select
                      size="xs"
                      w={130}
                      aria-label={t('library:filters.lang')}
                      data={locales.map((l) => ({ value: l, label: t(`library:language.${l}`) }))}
                      value={fileLang[p.id] ?? 'en'}
                      onChange={(v) => {
                        const lang = locales.find((l) => l === v);
                        if (lang) setFileLang({ ...fileLang, [p.id]: lang });
                      }}
                    />
                    <FileInput
                      size="xs"
                      w={160}
                      aria-label={t('library:uploadFile')}
                      placeholder={t('library:uploadFile')}
                      accept=".pdf,.docx,.zip"
                      onChange={(f) => f && upload.mutate({ id: p.id, lang: fileLang[p.id] ?? 'en', file: f })}
                    />
                    <FileInput
                      size="xs"
                      w={130}
                      aria-label={t('library:uploadCover')}
                      placeholder={t('library:uploadCover')}
                      accept="image/*"
                      onChange={(f) => f && cover.mutate({ id: p.id, file: f })}
                    />
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Card withBorder>
        <Stack>
          <Title order={2} size="h4">
            {t('library:newPublication')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <Select
              label={t('library:filters.kind')}
              data={kinds.map((k) => ({ value: k, label: t(`library:kind.${k}`) }))}
              value={kind}
              onChange={(v) => {
                const k = kinds.find((k) => k === v);
                if (k) setKind(k);
              }}
            />
            <NumberInput label={t('library:filters.year')} value={year} onChange={(v) => setYear(Number(v))} min={1990} max={2100} />
            <TextInput label={t('library:editionLabel')} value={edition} onChange={(e) => setEdition(e.currentTarget.value)} />
            <Select
              label={t('library:supersedesLabel')}
              clearable
              searchable
              value={supersedes}
              onChange={setSupersedes}
              data={(list.data?.items ?? []).map((p) => ({
                value: p.id,
                label: `${loc(p.title).text}${p.edition ? ` (${p.edition})` : ''}`,
              }))}
            />
          </SimpleGrid>
          <LocalizedInput label={t('library:titleLabel')} value={title} onChange={setTitle} required error={err?.field('title')} />
          <LocalizedInput label={t('library:abstract')} value={abstract} onChange={setAbstract} multiline />
          <LocalizedInput label={t('library:authors')} value={author} onChange={setAuthor} />
          <TagsInput label={t('library:filters.tag')} value={tags} onChange={setTags} />
          <Button onClick={() => create.mutate()} loading={create.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('shell:common.create')}
          </Button>
        </Stack>
      </Card>
    </Stack>
  );
}
