import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { stemmer } from 'stemmer';
import { hantToHans } from '../i18n/index.js';

let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

const han = /\p{Script=Han}/u;
const hanOnly = /^\p{Script=Han}+$/u;
const latin = /^[\p{Script=Latin}]+$/u;

/**
 * Regional words that OpenCC's Taiwan-phrase conversion leaves apart, or that
 * people type in Simplified characters with Taiwan usage (网路, 资讯, 软体…).
 * Applied to the Simplified form, at index and at query time alike, so both sides meet.
 * Longer keys first, so 网际网路 is replaced before 网路.
 */
const regional: Array<[string, string]> = (
  [
    ['网际网路', '互联网'],
    ['云端运算', '云计算'],
    ['云端计算', '云计算'],
    ['数字落差', '数字鸿沟'],
    ['数位落差', '数字鸿沟'],
    ['数位经济', '数字经济'],
    ['人工智慧', '人工智能'],
    ['演算法', '算法'],
    ['网路', '网络'],
    ['网絡', '网络'],
    ['资讯', '信息'],
    ['软体', '软件'],
    ['数位化', '数字化'],
  ] as Array<[string, string]>
).sort((a, b) => b[0].length - a[0].length);
const regionalRe = new RegExp(regional.map(([k]) => k).join('|'), 'g');
const regionalMap = new Map(regional);

/**
 * One form for matching: NFKC, case-folded, Traditional folded to Simplified
 * (with Taiwan phrases, so 網路 and 网络 meet), regional words folded, whitespace collapsed.
 */
export function normalize(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (han.test(s)) s = hantToHans(s).replace(regionalRe, (m) => regionalMap.get(m) ?? m);
  return s.replace(/\s+/g, ' ').trim();
}

/** The English stem of a Latin word (Porter); other words as they are. */
export const stem = (word: string) => (latin.test(word) && word.length > 2 ? stemmer(word) : word);

const latinWords = (s: string) => s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/** Chinese segmented in search mode (overlapping words), other text split on non-letters. */
function rawWords(s: string): string[] {
  if (!han.test(s)) return latinWords(s);
  return segmenter()
    .cutForSearch(s, true)
    .flatMap((t) => (han.test(t) ? [t.trim()] : latinWords(t)))
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}

/**
 * Words for the full-text index: normalized, Chinese segmented in search mode,
 * Latin words both as written and stemmed (so "economies" and "economy" meet,
 * and a prefix of the written word still matches).
 */
export function tokens(text: string): string[] {
  const out: string[] = [];
  for (const w of rawWords(normalize(text))) {
    out.push(w);
    const s = stem(w);
    if (s !== w) out.push(s);
  }
  return out;
}

/** One query term: alternatives, any of which matches; `prefix` marks a prefix match. */
export interface QueryTerm {
  /** Shown to the highlighter: the normalized forms this term stands for. */
  forms: string[];
  /** A tsquery fragment, already quoted. */
  tsquery: string;
}

const quote = (w: string) => `'${w.replace(/'/g, "''").replace(/\\/g, '\\\\')}'`;

/**
 * Parses a search box text into terms that must all match. Chinese words are
 * cut coarsely (so 数据安全 needs 数据 and 安全, or the word itself), Latin words
 * are stemmed, and the last Latin word also matches as a prefix (search as you type).
 */
export function queryTerms(q: string): QueryTerm[] {
  const s = normalize(q).slice(0, 200);
  const terms: QueryTerm[] = [];
  const seen = new Set<string>();
  const pieces = han.test(s)
    ? segmenter()
        .cut(s, true)
        .flatMap((t) => (han.test(t) ? [t.trim()] : latinWords(t)))
    : latinWords(s);
  const words = pieces.filter((t) => /[\p{L}\p{N}]/u.test(t));
  const lastLatin = [...words].reverse().find((w) => !hanOnly.test(w));
  words.forEach((w, i) => {
    if (seen.has(w)) return;
    seen.add(w);
    if (hanOnly.test(w)) {
      // Alternatives: the word, or all of its search-mode parts (the index holds both forms).
      const parts =
        w.length > 2
          ? segmenter()
              .cutForSearch(w, true)
              .filter((p) => p !== w && p.length > 1)
          : [];
      const tsq = parts.length ? `(${quote(w)} | (${parts.map(quote).join(' & ')}))` : quote(w);
      terms.push({ forms: [w, ...parts], tsquery: tsq });
      return;
    }
    const st = stem(w);
    const isLast = w === lastLatin && i === words.lastIndexOf(w);
    const alts = [quote(st)];
    if (isLast) alts.push(`${quote(w)}:*`);
    terms.push({ forms: isLast ? [st, `${w}*`] : [st], tsquery: alts.length > 1 ? `(${alts.join(' | ')})` : alts[0] });
  });
  return terms.slice(0, 20);
}
