import { diffArrays } from 'diff';

export interface DiffPart {
  value: string;
  added?: boolean;
  removed?: boolean;
}

/**
 * Splits text into units for comparison: one unit per CJK character (Chinese,
 * Japanese, Korean have no spaces between words), one per Latin word, one per
 * run of white space, one per other sign. So a diff is word-level for Latin
 * text and character-level for CJK text, also when they are mixed.
 */
export function tokenize(text: string): string[] {
  return (
    text.match(
      /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|(?:(?![\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}])[\p{L}\p{M}\p{N}_'’-])+|\s+|[^\s]/gu,
    ) ?? []
  );
}

export function diffText(a: string, b: string): DiffPart[] {
  const out: DiffPart[] = [];
  for (const c of diffArrays(tokenize(a), tokenize(b))) {
    const part: DiffPart = { value: c.value.join('') };
    if (c.added) part.added = true;
    if (c.removed) part.removed = true;
    out.push(part);
  }
  return out;
}

export interface ParagraphLike {
  key: string;
  text: Partial<Record<string, string>>;
}

export interface ParagraphDiff {
  key: string;
  change: 'same' | 'changed' | 'added' | 'removed';
  from: string;
  to: string;
  parts: DiffPart[];
}

/** Aligns two versions' paragraphs by their stable keys (in the order of the later version, removed ones where they were) and diffs one language. */
export function diffVersions(from: ParagraphLike[], to: ParagraphLike[], lang: string): ParagraphDiff[] {
  const oldByKey = new Map(from.map((p) => [p.key, p]));
  const newKeys = new Set(to.map((p) => p.key));
  const result: ParagraphDiff[] = [];
  const pushRemovedBefore = (idx: number) => {
    // Removed paragraphs that stood before the old paragraph at idx.
    while (removedQueue.length && removedQueue[0].idx <= idx) {
      const r = removedQueue.shift()!;
      const t = r.p.text[lang] ?? '';
      result.push({ key: r.p.key, change: 'removed', from: t, to: '', parts: t ? [{ value: t, removed: true }] : [] });
    }
  };
  const removedQueue = from.map((p, idx) => ({ p, idx })).filter((x) => !newKeys.has(x.p.key));
  const oldIndex = new Map(from.map((p, i) => [p.key, i]));
  for (const p of to) {
    const old = oldByKey.get(p.key);
    if (old) pushRemovedBefore(oldIndex.get(p.key)!);
    const a = old?.text[lang] ?? '';
    const b = p.text[lang] ?? '';
    if (!old) result.push({ key: p.key, change: 'added', from: '', to: b, parts: b ? [{ value: b, added: true }] : [] });
    else if (a === b) result.push({ key: p.key, change: 'same', from: a, to: b, parts: [{ value: a }] });
    else result.push({ key: p.key, change: 'changed', from: a, to: b, parts: diffText(a, b) });
  }
  pushRemovedBefore(Number.MAX_SAFE_INTEGER);
  return result;
}
