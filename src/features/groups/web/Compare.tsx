import { Group, Select, Stack, Table, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { query } from '../../../web/api';
import { EmptyState } from '../../../web/components/EmptyState';
import type { Locale } from '../../../web/i18n';
import { locales, useLocale } from '../../../web/i18n';
import { groupsApi } from '../contract';
import type { DocView } from './documentView';

/** Two versions side by side, paragraph by paragraph, in one language. */
export function Compare({ doc }: { doc: DocView }) {
  const { t } = useTranslation(['documents', 'shell']);
  const locale = useLocale();
  const vs = doc.versions;
  const [from, setFrom] = useState<string | null>(vs.length > 1 ? vs[vs.length - 2].id : null);
  const [to, setTo] = useState<string | null>(vs[vs.length - 1]?.id ?? null);
  const docLocales = locales.filter((l) => doc.current.languages.includes(l));
  const [lang, setLang] = useState<Locale>(docLocales.includes(locale) ? locale : (docLocales[0] ?? 'en'));
  const q = useQuery({
    ...query(groupsApi.diff, { params: { id: doc.id }, query: { from: from ?? undefined, to: to ?? undefined, lang } }),
    enabled: !!from && !!to,
  });
  if (vs.length < 2) return null;
  const versionName = (id: string | null, fallback: string) => {
    const v = vs.find((x) => x.id === id);
    return v ? t('documents:version', { label: v.label }) : fallback;
  };
  const data = vs.map((v) => ({ value: v.id, label: `${v.label} · ${t(`documents:vstatus.${v.status}`)}` }));
  return (
    <Stack data-testid="compare">
      <Group>
        <Select label={t('documents:from')} data={data} value={from} onChange={setFrom} />
        <Select label={t('documents:to')} data={data} value={to} onChange={setTo} />
        <Select
          label={t('shell:common.language')}
          data={['zh-Hans', 'en', 'zh-Hant'].map((l) => ({ value: l, label: t(`shell:locales.${l}`) }))}
          value={lang}
          onChange={(v) => {
            const l = locales.find((x) => x === v);
            if (l) setLang(l);
          }}
        />
      </Group>
      {q.data && !q.data.paragraphs.length ? <EmptyState>{t('documents:noText')}</EmptyState> : null}
      {q.data?.paragraphs.length ? (
        <Table withColumnBorders layout="fixed" data-testid="diff">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{versionName(from, t('documents:from'))}</Table.Th>
              <Table.Th>{versionName(to, t('documents:to'))}</Table.Th>
              <Table.Th w={90}>{t('documents:changeColumn')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {q.data.paragraphs.map((p) => (
              <Table.Tr key={p.key} data-change={p.change}>
                <Table.Td lang={lang} style={{ verticalAlign: 'top' }}>
                  {p.parts
                    .filter((x) => !x.added)
                    .map((x, i) =>
                      x.removed ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, always replaced together
                        <del key={i} style={{ background: '#ffe3e3' }}>
                          {x.value}
                        </del>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, always replaced together
                        <span key={i}>{x.value}</span>
                      ),
                    )}
                </Table.Td>
                <Table.Td lang={lang} style={{ verticalAlign: 'top' }}>
                  {p.parts
                    .filter((x) => !x.removed)
                    .map((x, i) =>
                      x.added ? (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, always replaced together
                        <ins key={i} style={{ background: '#d3f9d8' }}>
                          {x.value}
                        </ins>
                      ) : (
                        // biome-ignore lint/suspicious/noArrayIndexKey: the pieces of one diff, always replaced together
                        <span key={i}>{x.value}</span>
                      ),
                    )}
                </Table.Td>
                <Table.Td w={90}>
                  <Text size="xs">{t(`documents:change.${p.change}`)}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
    </Stack>
  );
}
