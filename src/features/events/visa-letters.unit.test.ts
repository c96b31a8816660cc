import { describe, expect, it } from 'vitest';
import { maskName } from './visa-letters.js';

describe('names on the public verification of a visa letter', () => {
  it('show the first third of each part, a star for each other character', () => {
    expect(maskName('Zhang Wei')).toBe('Zh*** W**');
    expect(maskName('张伟')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧阳**');
    expect(maskName('Lucía Fernández-López')).toBe('Lu*** Fer******-Ló***');
    expect(maskName('Айгерим Нурланова')).toBe('Айг**** Нур******');
    expect(maskName('O')).toBe('O');
  });
});
