import { Button, Card, Group, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call } from '../../../web/api';
import { useNotify } from '../../../web/components/forms';
import { locales } from '../../../web/i18n';
import { groupsApi } from '../contract';
import { type DocView, langOrder } from './documentView';
import { MarkdownView } from './markdown';

/** Edits the paragraphs of a draft, one column per language (Markdown). */
export function Editor({ doc, onSaved }: { doc: DocView; onSaved: () => void }) {
  const { t } = useTranslation(['documents', 'shell']);
  const notify = useNotify();
  // Chinese and English always, the traditional script when the version has it.
  const langs = locales
    .filter((l) => l === 'zh-Hans' || l === 'en' || doc.current.languages.includes(l))
    .sort((a, b) => langOrder.indexOf(a) - langOrder.indexOf(b));
  const [paras, setParas] = useState(doc.current.paragraphs.map((p) => ({ key: p.key as string | undefined, text: p.text })));
  const save = useMutation({
    mutationFn: () =>
      call(groupsApi.setText, {
        params: { id: doc.id, versionId: doc.current.id },
        body: {
          baseUpdatedAt: doc.current.updatedAt,
          paragraphs: paras
            .filter((p) => Object.values(p.text).some((s) => s?.trim()))
            .map((p) => ({ ...(p.key ? { key: p.key } : {}), text: p.text })),
        },
      }),
    onSuccess: onSaved,
    onError: notify.error,
  });
  return (
    <Stack data-testid="editor">
      <Text size="sm" c="dimmed">
        {t('documents:markdownHint')}
      </Text>
      {paras.map((p, i) => (
        <Card key={p.key ?? `new-${i}`} withBorder data-testid={`edit-para-${i + 1}`}>
          <Text fw={600} size="sm">
            {t('documents:paragraph', { n: i + 1 })}
          </Text>
          <SimpleGrid cols={{ base: 1, md: langs.length }}>
            {langs.map((l) => (
              <Stack key={l} gap={4}>
                <Textarea
                  aria-label={`${t('documents:paragraph', { n: i + 1 })} (${t(`shell:locales.${l}`)})`}
                  lang={l}
                  autosize
                  minRows={2}
                  value={p.text[l] ?? ''}
                  onChange={(e) => {
                    const v = e.currentTarget.value;
                    setParas((ps) => ps.map((x, j) => (j === i ? { ...x, text: { ...x.text, [l]: v } } : x)));
                  }}
                />
                {p.text[l] ? (
                  <Card padding="xs" bg="gray.0" data-testid={`preview-${i + 1}-${l}`}>
                    <MarkdownView text={p.text[l] ?? ''} lang={l} />
                  </Card>
                ) : null}
              </Stack>
            ))}
          </SimpleGrid>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            mt="xs"
            onClick={() => setParas((ps) => ps.filter((_, j) => j !== i))}
            style={{ alignSelf: 'flex-start' }}
          >
            {t('documents:removeParagraph')}
          </Button>
        </Card>
      ))}
      <Group>
        <Button variant="default" onClick={() => setParas((ps) => [...ps, { key: undefined, text: {} }])}>
          {t('documents:addParagraph')}
        </Button>
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          {t('documents:saveText')}
        </Button>
      </Group>
    </Stack>
  );
}
