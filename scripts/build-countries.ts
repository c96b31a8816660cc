// Regenerates src/features/directory/countries.json from the world-countries package.
// Run: node --import tsx scripts/build-countries.ts
import fs from 'node:fs';
import countries from 'world-countries';
import { hansToHant, hantToHans } from '../src/platform/i18n/index.js';

const continentOf = (region: string, subregion: string) => {
  if (region === 'Americas') return subregion === 'South America' ? 'south-america' : 'north-america';
  return (
    ({ Africa: 'africa', Asia: 'asia', Europe: 'europe', Oceania: 'oceania', Antarctic: 'antarctica' } as Record<string, string>)[region] ??
    'antarctica'
  );
};
// ISO 3166 / UN usage for these three.
const overrides: Record<string, { en: string; hans: string }> = {
  TW: { en: 'Taiwan, China', hans: '中国台湾' },
  HK: { en: 'Hong Kong, China', hans: '中国香港' },
  MO: { en: 'Macao, China', hans: '中国澳门' },
};
const out = countries
  .map((c) => {
    const o = overrides[c.cca2];
    const hans = o?.hans ?? hantToHans(c.translations.zho?.common ?? c.name.common);
    return {
      code: c.cca2,
      alpha3: c.cca3,
      m49: c.ccn3,
      continent: continentOf(c.region, c.subregion),
      region: c.region,
      subregion: c.subregion || c.region,
      name: { en: o?.en ?? c.name.common, 'zh-Hans': hans, 'zh-Hant': hansToHant(hans) },
    };
  })
  .sort((a, b) => a.code.localeCompare(b.code));
fs.writeFileSync(
  new URL('../src/features/directory/countries.json', import.meta.url),
  `${JSON.stringify(out, null, 0).replace(/\},\{/g, '},\n{')}\n`,
);
console.log(`${out.length} countries`);
