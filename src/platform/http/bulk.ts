import type { BulkOutcome, BulkResult, BulkSelection } from './contract.js';
import { platformErrors } from './codes.js';
import { AppError, fail } from './errors.js';
import { mapDbError } from './problem.js';

/**
 * Bulk actions (select rows of a list, or everything its filter matches, and act on each):
 * the feature says which records of its list a selection names, within the caller's scope,
 * and runs each one through the same use case as the single action (its rules, its audit
 * entry); this module turns that into one answer line per record and the counts, and the
 * feature adds one audit entry for the bulk action itself (bulkAudit).
 */

/** A record of the list: its id and how the list names it. */
export interface BulkTarget {
  id: string;
  name: string;
}

/** The list a bulk action acts on, within the caller's scope. */
export interface BulkList<F, T extends BulkTarget> {
  /** The records among `ids` that this list holds for the caller (others are reported as not found, never acted on). */
  byIds: (ids: string[]) => Promise<T[]>;
  /** Every record the list's filter matches, as the list itself selects them. */
  byFilter: (filter: F) => Promise<T[]>;
}

export interface Resolved<T> {
  /** In the order of the selection: a record to act on, or an id the list does not hold. */
  entries: Array<{ target: T } | { outside: string }>;
}

/**
 * The records a selection names. By filter, the count must be the one the person confirmed:
 * otherwise nothing is done and the answer (409 selection_changed) carries the count now.
 */
export async function resolveSelection<F, T extends BulkTarget>(selection: BulkSelection<F>, list: BulkList<F, T>): Promise<Resolved<T>> {
  if ('ids' in selection) {
    const ids = [...new Set(selection.ids)];
    const found = new Map((await list.byIds(ids)).map((t) => [t.id, t]));
    return { entries: ids.map((id) => (found.has(id) ? { target: found.get(id)! } : { outside: id })) };
  }
  const targets = await list.byFilter(selection.filter);
  if (targets.length !== selection.count)
    throw fail(
      platformErrors,
      'selection_changed',
      `The filter matches ${targets.length} now, not the ${selection.count} confirmed: nothing was done. Look at the list again.`,
      { extra: { count: targets.length } },
    );
  return { entries: targets.map((target) => ({ target })) };
}

/** Why one record was refused: the code of the single action's error (a database refusal by its platform code). */
function refusalCode(err: unknown): string {
  if (err instanceof AppError) return err.code;
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const sqlState = e?.cause?.code ?? e?.code;
  if (typeof sqlState === 'string' && /^[0-9A-Z]{5}$/.test(sqlState)) return mapDbError(e as { code: string }).code;
  // Anything else is a fault of ours, not of this record: the request fails as a single action would.
  throw err;
}

/**
 * Runs `step` on each record, one after the other, each in its own transaction (the single
 * action's): a refusal of one is reported on its line and the others go on. `step` answers
 * 'skipped' when there was nothing to do (e.g. already accredited).
 */
export async function runBulk<T extends BulkTarget>(
  resolved: Resolved<T>,
  step: (t: T) => Promise<'done' | 'skipped'>,
): Promise<BulkResult> {
  const items: BulkResult['items'] = [];
  for (const e of resolved.entries) {
    if ('outside' in e) {
      items.push({ id: e.outside, name: '', outcome: 'refused', code: 'not_found' });
      continue;
    }
    const { id, name } = e.target;
    try {
      items.push({ id, name, outcome: await step(e.target), code: null });
    } catch (err) {
      items.push({ id, name, outcome: 'refused', code: refusalCode(err) });
    }
  }
  const count = (o: BulkOutcome) => items.filter((i) => i.outcome === o).length;
  return { total: items.length, done: count('done'), skipped: count('skipped'), refused: count('refused'), items };
}

/**
 * What the audit entry of a bulk action records: how the records were chosen (the filter, or picked
 * one by one), the counts, and which records were done, skipped and refused (with the code).
 */
export function bulkAudit<F>(selection: BulkSelection<F>, result: BulkResult, more: Record<string, unknown> = {}) {
  const ids = (o: BulkOutcome) => result.items.filter((i) => i.outcome === o).map((i) => i.id);
  return {
    ...more,
    selectedBy: 'ids' in selection ? 'ids' : 'filter',
    ...('filter' in selection ? { filter: selection.filter } : {}),
    count: result.total,
    done: result.done,
    skipped: result.skipped,
    refused: result.refused,
    doneIds: ids('done'),
    skippedIds: ids('skipped'),
    refusedItems: result.items.filter((i) => i.outcome === 'refused').map((i) => ({ id: i.id, code: i.code })),
  };
}
