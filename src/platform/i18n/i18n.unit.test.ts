import { describe, expect, it } from 'vitest';
import { fillChinese, hansToHant, hantToHans, localize } from './index.js';

describe('Chinese script conversion', () => {
  it('uses Taiwan phrases in running text', () => {
    expect(hansToHant('互联网治理与数据安全')).toBe('網際網路治理與資料安全');
    expect(hantToHans('網際網路治理與資料安全')).toBe('互联网治理与数据安全');
  });

  it('keeps the organization’s own names as it writes them', () => {
    expect(hansToHant('2026年世界互联网大会乌镇峰会')).toBe('2026年世界互聯網大會烏鎮峰會');
    expect(hansToHant('世界互联网大会国际组织高级咨询委员会')).toBe('世界互聯網大會國際組織高級諮詢委員會');
    expect(hansToHant('世界互联网大会“互联网之光”博览会')).toContain('互聯網之光');
    // and back: the search index folds both spellings to one
    expect(hantToHans('世界互聯網大會')).toBe('世界互联网大会');
  });

  it('fills the missing script and marks it as converted', () => {
    expect(fillChinese({ 'zh-Hans': '世界互联网大会' })['zh-Hant']).toBe('世界互聯網大會');
    expect(localize({ 'zh-Hans': '开源软件' }, 'zh-Hant')).toEqual({ text: '開源軟體', lang: 'zh-Hant', converted: true });
    expect(localize({ 'zh-Hans': '开源软件', 'zh-Hant': '開放原始碼軟體' }, 'zh-Hant')).toEqual({
      text: '開放原始碼軟體',
      lang: 'zh-Hant',
      converted: false,
    });
  });
});
