import { Alert, Button, Checkbox, Group, type MantineColor, Paper, Stack, Text } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type BulkResult, type BulkSelection, bulkLimit } from '../../platform/http/contract';
import { ConfirmButton } from './ConfirmButton';
import type { Selection } from './useSelection';

/** A consequential action on the selection: it asks first, naming the count, then shows what became of each row. */
export interface BulkAction<F> {
  label: string;
  color?: MantineColor;
  /** The question of the confirmation, naming how many rows it acts on. */
  question: (count: number) => ReactNode;
  /** More in the dialog: a reason to give, a message to write. */
  form?: ReactNode;
  confirmDisabled?: boolean;
  onOpen?: () => void;
  run: (selection: BulkSelection<F>) => Promise<BulkResult>;
  /** "12 accredited" */
  done: (count: number) => string;
  /** "1 skipped: already accredited" */
  skipped: (count: number) => string;
  testId?: string;
}

/** The checkbox of one row, named after the row for screen readers ("Select Lukas Meyer"). */
export function SelectRow<F>({ selection, id, name }: { selection: Selection<F>; id: string; name: string }) {
  const { t } = useTranslation('shell');
  return (
    <Checkbox
      aria-label={t('bulk.selectRow', { name: name || t('bulk.unnamed') })}
      checked={selection.isSelected(id)}
      onChange={() => selection.toggle(id)}
      data-testid="select-row"
    />
  );
}

/** The header checkbox: every row of this page, or none (some: indeterminate). */
export function SelectPage<F>({ selection }: { selection: Selection<F> }) {
  const { t } = useTranslation('shell');
  return (
    <Checkbox
      aria-label={t('bulk.selectPage')}
      checked={selection.page === 'all'}
      indeterminate={selection.page === 'some'}
      onChange={() => selection.togglePage()}
      data-testid="select-page"
    />
  );
}

interface Outcome {
  result: BulkResult;
  done: (count: number) => string;
  skipped: (count: number) => string;
}

/**
 * The bar above a staff list while rows are selected: how many ("12 selected"), "select all N matching
 * the filter" when more match than are shown, and the actions. After an action it says what became of
 * the rows ("12 accredited, 1 skipped: already accredited") and names the rows refused, with why.
 */
export function BulkBar<F>({
  selection,
  actions,
  children,
  onChanged,
}: {
  selection: Selection<F>;
  actions: BulkAction<F>[];
  /** Actions that need no confirmation (an export of the selection). */
  children?: ReactNode;
  /** After an action, or when the list changed under a selection: read the list again. */
  onChanged?: () => void;
}) {
  const { t } = useTranslation('shell');
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const n = selection.count;
  if (!n && !outcome) return null;
  const run = async (a: BulkAction<F>) => {
    try {
      const result = await a.run(selection.body());
      setOutcome({ result, done: a.done, skipped: a.skipped });
      selection.clear();
    } finally {
      // Also on a refusal: when the filter matches another number now (selection_changed), the list shows
      // it as it is and the dialog, still open, says that nothing was done.
      onChanged?.();
    }
  };
  // Two siblings in the page, not one box: the bar sticks within the page's height, not its own.
  return (
    <>
      {n ? (
        <Paper
          withBorder
          shadow="xs"
          p="xs"
          role="region"
          aria-label={t('bulk.bar')}
          data-testid="bulk-bar"
          // Stays in view under the header while the person scrolls the list to pick rows.
          style={{ position: 'sticky', top: 'calc(var(--app-shell-header-height, 0px) + 4px)', zIndex: 3 }}
        >
          <Group gap="sm" justify="space-between">
            <Group gap="sm">
              <Text fw={600} aria-live="polite" data-testid="bulk-count">
                {selection.allMatching ? t('bulk.allMatchingSelected', { count: n }) : t('bulk.selected', { count: n })}
              </Text>
              {selection.canSelectAllMatching ? (
                <Button variant="subtle" size="compact-sm" onClick={selection.selectAllMatching} data-testid="select-all-matching">
                  {t('bulk.selectAllMatching', { count: selection.total })}
                </Button>
              ) : null}
              {selection.tooMany && selection.page === 'all' ? (
                <Text size="sm" c="dimmed">
                  {t('bulk.tooMany', { count: selection.total, limit: bulkLimit.toLocaleString() })}
                </Text>
              ) : null}
              <Button variant="subtle" size="compact-sm" color="gray" onClick={selection.clear}>
                {t('bulk.clear')}
              </Button>
            </Group>
            <Group gap="xs">
              {actions.map((a) => (
                <ConfirmButton
                  key={a.label}
                  size="xs"
                  // Filled, in a shade dark enough for small white text (contrast); red for what refuses or removes.
                  color={a.color === 'red' ? 'red.8' : a.color}
                  variant="filled"
                  label={a.label}
                  question={a.question(n)}
                  onOpen={a.onOpen}
                  confirmDisabled={a.confirmDisabled}
                  onConfirm={() => run(a)}
                  data-testid={a.testId}
                >
                  {a.form}
                </ConfirmButton>
              ))}
              {children}
            </Group>
          </Group>
        </Paper>
      ) : null}
      {outcome ? <BulkOutcome outcome={outcome} onClose={() => setOutcome(null)} /> : null}
    </>
  );
}

/** At most this many rows are named per reason of refusal; the rest are counted. */
const namedRows = 10;

function BulkOutcome({ outcome, onClose }: { outcome: Outcome; onClose: () => void }) {
  const { t, i18n } = useTranslation('shell');
  const { result } = outcome;
  const reason = (code: string | null) => (code && i18n.exists(`shell:errors.${code}`) ? t(`errors.${code}`) : t('errors.generic'));
  const refused = new Map<string, BulkResult['items']>();
  for (const i of result.items.filter((i) => i.outcome === 'refused')) refused.set(i.code ?? '', [...(refused.get(i.code ?? '') ?? []), i]);
  const summary = [
    result.done || !result.total ? outcome.done(result.done) : null,
    result.skipped ? outcome.skipped(result.skipped) : null,
    result.refused ? t('bulk.refused', { count: result.refused }) : null,
  ].filter(Boolean);
  return (
    <Alert
      color={result.refused ? 'yellow' : 'green'}
      variant="light"
      role="status"
      data-testid="bulk-outcome"
      title={summary.join(t('bulk.separator'))}
      // The light alerts' own title colours are too faint for text this size (contrast).
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
    >
      {refused.size ? (
        <Stack gap={4}>
          {[...refused].map(([code, items]) => {
            const names = items.slice(0, namedRows).map((i) => i.name || t('bulk.unnamed'));
            const more = items.length - names.length;
            return (
              <Text size="sm" key={code}>
                {t('bulk.refusedBecause', {
                  reason: reason(code),
                  names: names.join(t('bulk.nameSeparator')) + (more ? t('bulk.more', { count: more }) : ''),
                })}
              </Text>
            );
          })}
        </Stack>
      ) : null}
    </Alert>
  );
}
