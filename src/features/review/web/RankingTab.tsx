import { Button, Card, Group, NumberInput, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { call, invalidate, query } from '../../../web/api';
import { showcaseApi } from '../../showcase/contract';
import { ConfirmButton } from '../../../web/components/ConfirmButton';
import { useNotify } from '../../../web/components/forms';
import { LText } from '../../../web/localized';
import { decisions, reviewApi } from '../contract';

type Decision = (typeof decisions)[number];

/** A round's ranking: decide, advance the best to the next round, publish the selected, preview a diverse selection. */
export function RankingTab({ callId }: { callId: string }) {
  const { t } = useTranslation(['calls', 'shell']);
  const qc = useQueryClient();
  const notify = useNotify();
  const [round, setRound] = useState(1);
  const [choice, setChoice] = useState<Record<string, Decision>>({});
  const [n, setN] = useState(13);
  const [cap, setCap] = useState<number | ''>('');
  const [mins, setMins] = useState('');
  const params = { id: callId };
  const { data } = useQuery(query(reviewApi.ranking, { params, query: { round } }));
  const decide = useMutation({
    mutationFn: () =>
      call(reviewApi.decide, {
        params,
        body: { decisions: Object.entries(choice).map(([submissionId, decision]) => ({ submissionId, decision })), notify: true },
      }),
    onSuccess: () => {
      notify.ok();
      void invalidate(qc, reviewApi.ranking);
    },
    onError: notify.error,
  });
  const [topN, setTopN] = useState<number | ''>('');
  const advance = useMutation({
    mutationFn: () =>
      call(reviewApi.advance, { params, body: { fromRound: round, topN: topN === '' ? undefined : topN, by: 'normalized' } }),
    onSuccess: (r) => notify.ok(t('calls:admin.advanced', { count: r.advanced.length, round: r.round })),
    onError: notify.error,
  });
  const publish = useMutation({
    mutationFn: () => call(showcaseApi.publish, { params: { id: callId }, body: {} }),
    onSuccess: (r) => notify.ok(t('calls:admin.publishedCount', { count: r.published })),
  });
  // Publishing takes the entries saved as selected: a choice not yet saved does not count.
  const selected = (data ?? []).filter((r) => r.decision === 'selected').length;
  const preview = useMutation({
    mutationFn: () =>
      call(reviewApi.selectionPreview, {
        params,
        body: {
          round,
          n,
          capPerCountry: cap === '' ? undefined : cap,
          minPerContinent: Object.fromEntries(
            mins
              .split(/[,，]/)
              .map((x) => x.split('=').map((y) => y.trim()))
              .filter((x) => x.length === 2 && x[0])
              .map(([k, v]) => [k, Number(v)]),
          ),
        },
      }),
    onError: notify.error,
  });
  return (
    <Stack>
      <NumberInput label={t('calls:admin.round')} value={round} min={1} onChange={(v) => setRound(Number(v))} w={90} />
      <Table>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>#</Table.Th>
            <Table.Th>{t('calls:form.code')}</Table.Th>
            <Table.Th>{t('calls:form.name')}</Table.Th>
            <Table.Th>{t('calls:admin.raw')}</Table.Th>
            <Table.Th>{t('calls:admin.normalized')}</Table.Th>
            <Table.Th>{t('calls:admin.spread')}</Table.Th>
            <Table.Th>{t('calls:admin.reviews')}</Table.Th>
            <Table.Th>{t('calls:form.decision')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {(data ?? []).map((r, i) => (
            <Table.Tr key={r.submission}>
              <Table.Td>{i + 1}</Table.Td>
              <Table.Td>{r.code}</Table.Td>
              <Table.Td>
                <LText value={r.title} />
              </Table.Td>
              <Table.Td>{r.raw.toFixed(2)}</Table.Td>
              <Table.Td>{r.normalized.toFixed(2)}</Table.Td>
              <Table.Td>{r.spread.toFixed(2)}</Table.Td>
              <Table.Td>{r.reviews}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t('calls:form.decision')} ${r.code}`}
                  data-testid={`decision-${r.code}`}
                  data={decisions.map((d) => ({ value: d, label: t(`calls:status.${d}`) }))}
                  value={choice[r.submission] ?? r.decision}
                  onChange={(v) => {
                    const d = decisions.find((x) => x === v);
                    if (d) setChoice({ ...choice, [r.submission]: d });
                  }}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Group>
        <Button onClick={() => decide.mutate()} disabled={!Object.keys(choice).length} data-testid="decide">
          {t('calls:admin.decide')}
        </Button>
        <ConfirmButton
          variant="light"
          label={t('calls:admin.publish')}
          question={t('calls:admin.publishConfirm', { count: selected })}
          onConfirm={() => publish.mutateAsync()}
          disabled={selected === 0}
          aria-describedby={selected === 0 ? 'publish-needs-decision' : undefined}
          data-testid="publish"
        />
        {selected === 0 ? (
          <Text size="sm" c="dimmed" id="publish-needs-decision">
            {t('calls:admin.publishNeedsDecision')}
          </Text>
        ) : null}
        <NumberInput
          aria-label={t('calls:admin.n')}
          placeholder={t('calls:admin.n')}
          value={topN}
          min={1}
          onChange={(v) => setTopN(v === '' ? '' : Number(v))}
          w={110}
        />
        <Button variant="default" onClick={() => advance.mutate()} disabled={topN === ''}>
          {t('calls:admin.advance')}
        </Button>
      </Group>
      <Card withBorder>
        <Group align="end">
          <NumberInput label={t('calls:admin.n')} value={n} min={1} onChange={(v) => setN(Number(v))} w={100} />
          <NumberInput label={t('calls:admin.cap')} value={cap} min={1} onChange={(v) => setCap(v === '' ? '' : Number(v))} w={140} />
          <TextInput label={t('calls:admin.minContinent')} value={mins} onChange={(e) => setMins(e.currentTarget.value)} w={320} />
          <Button variant="default" onClick={() => preview.mutate()}>
            {t('calls:admin.preview')}
          </Button>
        </Group>
        {preview.data ? (
          <SimpleGrid cols={2} mt="md">
            <div>
              <Text fw={600}>{t('calls:admin.pure')}</Text>
              {preview.data.pure.map((x) => (
                <Text key={x.submissionId}>
                  {x.code} ({x.countryCode})
                </Text>
              ))}
            </div>
            <div>
              <Text fw={600}>{t('calls:admin.constrained')}</Text>
              {preview.data.constrained.map((x) => (
                <Text key={x.submissionId}>
                  {x.code} ({x.countryCode})
                </Text>
              ))}
            </div>
            <Text size="sm" c="dimmed">
              {t('calls:admin.changed', {
                added: preview.data.added.map((x) => x.code).join(', ') || '—',
                removed: preview.data.removed.map((x) => x.code).join(', ') || '—',
              })}
            </Text>
          </SimpleGrid>
        ) : null}
      </Card>
    </Stack>
  );
}
