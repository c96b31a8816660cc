import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict';
import { hantToHans } from '../i18n/index.js';

let jieba: Jieba | undefined;
const segmenter = () => (jieba ??= Jieba.withDict(dict));

const han = /\p{Script=Han}/u;

/**
 * One form for matching: NFKC, case-folded, Traditional folded to Simplified
 * (with Taiwan phrases, so 網路 and 网络 meet), whitespace collapsed.
 */
export function normalize(text: string): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (han.test(s)) s = hantToHans(s);
  return s.replace(/\s+/g, ' ').trim();
}

/** Words for a full-text index: Chinese segmented in search mode, other scripts split on non-letters. */
export function tokens(text: string): string[] {
  const s = normalize(text);
  if (!han.test(s)) return s.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return segmenter()
    .cutForSearch(s, true)
    .map((t) => t.trim())
    .filter((t) => /[\p{L}\p{N}]/u.test(t));
}
