import { hansToHant, hantToHans } from '../i18n/index.js';
import { normalize, stem, type QueryTerm } from './normalize.js';

/** A piece of shown text; `mark` pieces matched the query. Plain text: the client escapes it. */
export interface Segment {
  text: string;
  mark?: true;
}

const han = /\p{Script=Han}/u;
const charCache = new Map<string, string>();
/** Traditional → Simplified one character at a time, so positions stay the same. */
function charwiseSimplified(s: string): string {
  let out = '';
  for (const ch of s) {
    if (!han.test(ch)) {
      out += ch;
      continue;
    }
    let c = charCache.get(ch);
    if (c === undefined) {
      c = hantToHans(ch);
      if ([...c].length !== 1 || c.length !== ch.length) c = ch;
      if (charCache.size < 20_000) charCache.set(ch, c);
    }
    out += c;
  }
  return out;
}

/** The written forms a normalized Chinese word may take in shown text (网络: 网络, 網路→网路 charwise, 網絡→网络). */
function surfaceForms(word: string): string[] {
  const forms = new Set([word]);
  forms.add(charwiseSimplified(hansToHant(word)));
  return [...forms].filter(Boolean);
}

/** Marks, in any script, the words a query matched. */
export function highlight(text: string, terms: QueryTerm[]): Segment[] {
  if (!text) return [];
  const ranges: Array<[number, number]> = [];
  const hanForms = [...new Set(terms.flatMap((t) => t.forms.filter((f) => han.test(f)).flatMap(surfaceForms)))].sort(
    (a, b) => b.length - a.length,
  );
  if (hanForms.length) {
    const folded = charwiseSimplified(text);
    if (folded.length === text.length) {
      for (const f of hanForms) {
        let i = folded.indexOf(f);
        while (i >= 0) {
          ranges.push([i, i + f.length]);
          i = folded.indexOf(f, i + f.length);
        }
      }
    }
  }
  const latinForms = terms.flatMap((t) => t.forms.filter((f) => !han.test(f)));
  if (latinForms.length) {
    const stems = new Set(latinForms.filter((f) => !f.endsWith('*')));
    const prefixes = latinForms.filter((f) => f.endsWith('*')).map((f) => f.slice(0, -1));
    for (const m of text.matchAll(/[\p{L}\p{N}]+/gu)) {
      if (han.test(m[0])) continue;
      const w = normalize(m[0]);
      if (stems.has(w) || stems.has(stem(w)) || prefixes.some((p) => w.startsWith(p))) ranges.push([m.index!, m.index! + m[0].length]);
    }
  }
  return segments(text, ranges);
}

function segments(text: string, ranges: Array<[number, number]>): Segment[] {
  if (!ranges.length) return [{ text }];
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([...r]);
  }
  const out: Segment[] = [];
  let at = 0;
  for (const [a, b] of merged) {
    if (a > at) out.push({ text: text.slice(at, a) });
    out.push({ text: text.slice(a, b), mark: true });
    at = b;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** A short excerpt of a long text around its first match, with the matches marked. */
export function snippet(text: string, terms: QueryTerm[], max = 200): Segment[] {
  const all = highlight(text, terms);
  if (text.length <= max) return all;
  // Find where the first mark starts, and cut a window around it.
  let pos = 0;
  let first = -1;
  for (const s of all) {
    if (s.mark) {
      first = pos;
      break;
    }
    pos += s.text.length;
  }
  const start = first < 0 ? 0 : Math.max(0, Math.min(first - Math.floor(max / 4), text.length - max));
  const end = Math.min(text.length, start + max);
  const out: Segment[] = [];
  if (start > 0) out.push({ text: '…' });
  let at = 0;
  for (const s of all) {
    const a = at;
    const b = at + s.text.length;
    at = b;
    const lo = Math.max(a, start);
    const hi = Math.min(b, end);
    if (lo >= hi) continue;
    out.push(s.mark ? { text: s.text.slice(lo - a, hi - a), mark: true } : { text: s.text.slice(lo - a, hi - a) });
  }
  if (end < text.length) out.push({ text: '…' });
  return out;
}
