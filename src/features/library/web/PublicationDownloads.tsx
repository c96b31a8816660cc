import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reply } from '../../../platform/http/contract';
import { download, invalidate } from '../../../web/api';
import { useNotify } from '../../../web/components/forms';
import { useFormat } from '../../../web/format';
import { useLocale } from '../../../web/i18n';
import { libraryApi as api } from '../contract';

/** A button per language that has a file, with its format, size and downloads; the count is the server's, read again after each download. */
export function PublicationDownloads({ publication: p }: { publication: Reply<typeof api.get> }) {
  const { t } = useTranslation(['library']);
  const fmt = useFormat();
  const qc = useQueryClient();
  const notify = useNotify();
  const locale = useLocale();
  const [busy, setBusy] = useState<string | null>(null);
  // The reader's language first, then the other script of Chinese for a Chinese reader.
  const nearness = (lang: string) => (lang === locale ? 0 : lang.startsWith('zh') && locale.startsWith('zh') ? 1 : 2);
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
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="publication-download">
      <Title order={2} size="h4" id="publication-download" mb="sm">
        {t('library:downloadTitle')}
      </Title>
      {p.files.length ? (
        <Stack gap="md">
          {[...p.files]
            .sort((a, b) => nearness(a.lang) - nearness(b.lang))
            .map((f) => {
              const language = t(`library:language.${f.lang}`);
              return (
                <Stack key={f.lang} gap={4}>
                  <Button
                    component="a"
                    href={f.url}
                    fullWidth
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
                  <Text size="sm" c="dimmed" ta="center" data-testid={`downloads-${f.lang}`}>
                    {t(`library:format.${f.format}`)} · {fmt.fileSize(f.size)} · {count(f.downloads)}
                  </Text>
                </Stack>
              );
            })}
          {p.files.length > 1 && p.downloads ? (
            <Text size="sm" data-testid="publication-downloads">
              {t('library:downloadsInAll', { count: p.downloads, n: fmt.number(p.downloads) })}
            </Text>
          ) : null}
        </Stack>
      ) : (
        <Text c="dimmed">{t('library:noFiles')}</Text>
      )}
    </Paper>
  );
}
