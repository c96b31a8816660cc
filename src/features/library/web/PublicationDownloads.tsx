import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { download, invalidate } from '../../../web/api';
import { useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { libraryApi as api } from '../contract';

/** A button per language that has a file, with its format, size and downloads; the count is the server's, read again after each download. */
export function PublicationDownloads({ publication: p }: { publication: Reply<typeof api.get> }) {
  const { t } = useTranslation(['library']);
  const fmt = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const [busy, setBusy] = useState<string | null>(null);
  const count = (n: number) => (n ? t('library:downloads', { count: n, n: fmt.number(n) }) : t('library:noDownloads'));
  const get = async (url: string, lang: string) => {
    setBusy(lang);
    try {
      await download(url);
      await invalidate(qc, api.get, api.list);
    } catch (e) {
      notify.error(e);
    } finally {
      setBusy(null);
    }
  };
  return (
    <section aria-labelledby="publication-download">
      <Group justify="space-between" align="baseline" mb="xs">
        <Title order={2} size="h4" id="publication-download">
          {t('library:downloadTitle')}
        </Title>
        {p.files.length ? (
          <Text size="sm" c="dimmed" data-testid="publication-downloads">
            {count(p.downloads)}
          </Text>
        ) : null}
      </Group>
      {p.files.length ? (
        <Stack gap="xs">
          {p.files.map((f) => {
            const language = t(`library:language.${f.lang}`);
            return (
              <Paper key={f.lang} withBorder p="sm" radius="sm">
                <Group justify="space-between" gap="sm">
                  <Stack gap={2}>
                    <Text fw={600}>{language}</Text>
                    <Text size="sm" c="dimmed">
                      {t(`library:format.${f.format}`)} · {fmt.fileSize(f.size)} · {count(f.downloads)}
                    </Text>
                  </Stack>
                  <Button
                    component="a"
                    href={f.url}
                    loading={busy === f.lang}
                    data-testid={`download-${f.lang}`}
                    onClick={(e) => {
                      // Plain links still work (open in a new tab, save as); a click downloads here, then reads the count again.
                      e.preventDefault();
                      void get(f.url, f.lang);
                    }}
                  >
                    {t('library:download', { lang: language })}
                  </Button>
                </Group>
              </Paper>
            );
          })}
        </Stack>
      ) : (
        <Text c="dimmed">{t('library:noFiles')}</Text>
      )}
    </section>
  );
}
