import { describe, expect, it } from 'vitest';
import { hansToHant } from '../i18n/index.js';
import { highlight } from './highlight.js';
import { normalize, queryTerms, tokens } from './normalize.js';

/** Simplified ⇄ Taiwan Traditional words that must meet (GLOSSARY.md), plus a few OpenCC leaves apart. */
const pairs: Array<[string, string]> = [
  ['网络', '網路'],
  ['信息', '資訊'],
  ['软件', '軟體'],
  ['互联网', '網際網路'],
  ['数据', '資料'],
  ['人工智能', '人工智慧'],
  ['算法', '演算法'],
  ['数字经济', '數位經濟'],
  ['云计算', '雲端運算'],
  ['数字鸿沟', '數位落差'],
  ['网络', '網絡'],
];

describe('normalization', () => {
  it.each(pairs)('%s and %s fold to one form, either way', (hans, hant) => {
    expect(normalize(hant)).toBe(normalize(hans));
    expect(normalize(hansToHant(hans))).toBe(normalize(hans));
    expect(tokens(hant)).toEqual(tokens(hans));
  });

  it('folds Taiwan words typed in Simplified characters', () => {
    expect(normalize('网路资讯软体')).toBe('网络信息软件');
    expect(normalize('网际网路')).toBe('互联网');
  });

  it('leaves Simplified sentences that merely contain the characters alone', () => {
    expect(normalize('多数位于亚洲')).toBe('多数位于亚洲');
  });

  it('stems English words and keeps the written form for prefixes', () => {
    expect(tokens('Economies working')).toEqual(['economies', 'economi', 'working', 'work']);
    const t = queryTerms('digital econ');
    expect(t.map((x) => x.tsquery)).toEqual(["'digit'", "('econ' | 'econ':*)"]);
  });

  it('quotes nothing dangerous into a tsquery', () => {
    for (const q of ["'&|!():* \\\\ <->", "o'reilly", '   '])
      for (const t of queryTerms(q)) expect(t.tsquery).toMatch(/^[('][\p{L}\p{N}' |&:*()]*$/u);
  });

  it('marks a Simplified query in Traditional text and back', () => {
    const marks = (text: string, q: string) =>
      highlight(text, queryTerms(q))
        .filter((s) => s.mark)
        .map((s) => s.text);
    expect(marks('世界網際網路發展報告', '互联网')).toEqual(['網際網路']);
    expect(marks('世界互联网发展报告', '網際網路')).toEqual(['互联网']);
    expect(marks('網路空間', '网络空间')).toEqual(['網路空間']);
    expect(marks('Digital Economies', 'economy')).toEqual(['Economies']);
  });
});
