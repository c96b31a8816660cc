import { useState } from 'react';
import { type BulkSelection, bulkLimit } from '../../platform/http/contract';

/**
 * The rows a person picked in a staff list, for bulk actions: one by one (kept across the list's pages),
 * or "every row matching the filter", which the server resolves with the list's own filter and the count
 * shown here. A new filter starts a new selection, since what was picked is no longer what the list shows.
 */
export interface Selection<F> {
  /** How many rows the selection holds (every matching one when all matching are selected). */
  count: number;
  /** Every row matching the filter is selected, shown or not. */
  allMatching: boolean;
  /** The rows of this page: all, some or none selected (the header checkbox). */
  page: 'all' | 'some' | 'none';
  /** More rows match than are shown, and the page is all selected: offer to select every one of them. */
  canSelectAllMatching: boolean;
  /** More rows match than one bulk action may take: picking stays possible, "all matching" is not. */
  tooMany: boolean;
  total: number;
  isSelected: (id: string) => boolean;
  toggle: (id: string) => void;
  togglePage: () => void;
  selectAllMatching: () => void;
  clear: () => void;
  /** The selection as a bulk endpoint takes it. */
  body: () => BulkSelection<F>;
}

interface State {
  key: string;
  picked: ReadonlySet<string>;
  all: boolean;
}

export function useSelection<F>({ ids, total, filter }: { ids: readonly string[]; total: number; filter: F }): Selection<F> {
  const key = JSON.stringify(filter ?? null);
  const [stored, setState] = useState<State>({ key, picked: new Set(), all: false });
  const state: State = stored.key === key ? stored : { key, picked: new Set(), all: false };
  const set = (picked: ReadonlySet<string>, all = false) => setState({ key, picked, all });
  const shownPicked = state.all ? ids.length : ids.filter((id) => state.picked.has(id)).length;
  const page = ids.length > 0 && shownPicked === ids.length ? 'all' : shownPicked > 0 ? 'some' : 'none';
  const tooMany = total > bulkLimit;
  return {
    count: state.all ? total : state.picked.size,
    allMatching: state.all,
    page,
    canSelectAllMatching: !state.all && page === 'all' && total > ids.length && !tooMany,
    tooMany,
    total,
    isSelected: (id) => state.all || state.picked.has(id),
    toggle(id) {
      // Leaving out one row of "all matching" leaves the rows shown, but that one.
      const picked = new Set(state.all ? ids : state.picked);
      if (picked.has(id)) picked.delete(id);
      else picked.add(id);
      set(picked);
    },
    togglePage() {
      const picked = new Set(state.all ? [] : state.picked);
      if (page === 'all') for (const id of ids) picked.delete(id);
      else for (const id of ids) picked.add(id);
      set(picked);
    },
    selectAllMatching: () => set(new Set(), true),
    clear: () => set(new Set()),
    body: () => (state.all ? { filter, count: total } : { ids: [...state.picked] }),
  };
}
