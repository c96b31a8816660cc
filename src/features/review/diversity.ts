/**
 * Diversity-aware selection of the top N: at most `capPerCountry` entries from
 * one country, and at least `minPerContinent[c]` from continent c, shown beside
 * the pure ranking with what changed.
 *
 * Walk the ranking best first. An entry is taken when its country is under the
 * cap and either its continent still lacks its minimum, or the slots left
 * exceed the slots still reserved for continents below their minimum. A
 * minimum that the entries cannot meet (too few entries from the continent, or
 * held back by the country cap) reserves only what can be met, and is reported
 * as unmet. Slots left empty by caps stay empty, and are reported.
 */
export interface Ranked {
  id: string;
  score: number;
  country: string;
  continent: string;
}

export interface DiversityRules {
  n: number;
  capPerCountry?: number;
  minPerContinent?: Record<string, number>;
}

export interface DiversityResult {
  pure: string[];
  constrained: string[];
  /** In the constrained selection, not in the pure one. */
  added: string[];
  /** In the pure selection, left out of the constrained one. */
  removed: string[];
  unmet: Array<{ continent: string; minimum: number; selected: number }>;
  emptySlots: number;
}

export function diverseSelection(ranking: Ranked[], rules: DiversityRules): DiversityResult {
  const sorted = [...ranking].sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  const n = Math.max(0, Math.min(rules.n, sorted.length));
  const cap = rules.capPerCountry ?? Infinity;
  const pure = sorted.slice(0, n).map((e) => e.id);

  // What each continent's minimum can at most achieve under the country cap.
  const reachable = new Map<string, number>();
  const perCountry = new Map<string, number>();
  for (const e of sorted) {
    const k = `${e.continent}|${e.country}`;
    const used = perCountry.get(k) ?? 0;
    if (used < cap) {
      perCountry.set(k, used + 1);
      reachable.set(e.continent, (reachable.get(e.continent) ?? 0) + 1);
    }
  }
  const mins = new Map(Object.entries(rules.minPerContinent ?? {}).map(([c, m]) => [c, Math.min(m, reachable.get(c) ?? 0)]));

  const picked: Ranked[] = [];
  const countryCount = new Map<string, number>();
  const continentCount = new Map<string, number>();
  const reserved = () => [...mins].reduce((r, [c, m]) => r + Math.max(0, m - (continentCount.get(c) ?? 0)), 0);
  for (const e of sorted) {
    if (picked.length >= n) break;
    if ((countryCount.get(e.country) ?? 0) >= cap) continue;
    const helps = (continentCount.get(e.continent) ?? 0) < (mins.get(e.continent) ?? 0);
    if (!helps && n - picked.length <= reserved()) continue;
    picked.push(e);
    countryCount.set(e.country, (countryCount.get(e.country) ?? 0) + 1);
    continentCount.set(e.continent, (continentCount.get(e.continent) ?? 0) + 1);
  }
  const constrained = picked.map((e) => e.id);
  const unmet = Object.entries(rules.minPerContinent ?? {})
    .filter(([c, m]) => (continentCount.get(c) ?? 0) < m)
    .map(([continent, minimum]) => ({ continent, minimum, selected: continentCount.get(continent) ?? 0 }));
  return {
    pure,
    constrained,
    added: constrained.filter((id) => !pure.includes(id)),
    removed: pure.filter((id) => !constrained.includes(id)),
    unmet,
    emptySlots: n - constrained.length,
  };
}
