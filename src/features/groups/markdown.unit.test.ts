import { Parser } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { diffText, diffVersions, tokenize } from './diff.js';
import { isSafeUrl } from './markdown.js';
import { renderMarkdown, sanitize } from './render.js';

const hostile = [
  '<script>window.__xss = 1</script>',
  '<img src=x onerror="window.__xss=2">',
  '[click](javascript:window.__xss=3)',
  '[click](JaVaScRiPt:window.__xss=4)',
  '[tab](java\tscript:alert(1))',
  '[ent](&#106;avascript:alert(1))',
  '<a href="javascript:alert(1)">raw</a>',
  '![img](javascript:alert(1))',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<svg onload=alert(1)>',
  '<iframe src="https://evil.example"></iframe>',
  '<div style="background:url(javascript:alert(1))">x</div>',
].join('\n\n');

describe('safe Markdown', () => {
  it('renders script tags, event handlers and javascript: links inert', () => {
    const html = renderMarkdown(hostile);
    // Parse the output as a browser would and look at the real elements and attributes.
    const tags: string[] = [];
    const attrs: Array<[string, string]> = [];
    new Parser(
      {
        onopentag: (name, a) => {
          tags.push(name);
          attrs.push(...Object.entries(a));
        },
      },
      { decodeEntities: true },
    ).end(html);
    expect(tags.filter((t) => !['p', 'a', 'img'].includes(t))).toEqual([]);
    expect(attrs.filter(([k]) => /^on/i.test(k) || k === 'style')).toEqual([]);
    expect(
      // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what browsers skip in a scheme
      attrs.filter(([k, v]) => (k === 'href' || k === 'src') && /^\s*(javascript|data|vbscript)/i.test(v.replace(/[\u0000-\u0020]/g, ''))),
    ).toEqual([]);
    // The hostile text is shown as text, not dropped silently.
    expect(html).toContain('&lt;script&gt;');
  });

  it('the sanitizer alone strips what the Markdown renderer never makes', () => {
    const out = sanitize(
      '<p onclick="x()">a</p><script>x()</script><a href="javascript:x()">l</a><img src="x" onerror="x()"><a href="https://ok.example" onmouseover="x()">ok</a>',
    );
    expect(out).toBe('<p>a</p><a>l</a><img src="x" /><a href="https://ok.example">ok</a>');
  });

  it('keeps ordinary Markdown: emphasis, lists, tables, safe links', () => {
    const html = renderMarkdown(
      '**数据** and *AI*\n\n- one\n- two\n\n[site](https://wic.example/a?b=1) [mail](mailto:a@b.example)\n\n| a | b |\n|---|---|\n| 1 | 2 |',
    );
    expect(html).toContain('<strong>数据</strong>');
    expect(html).toContain('<li>one</li>');
    expect(html).toContain('href="https://wic.example/a?b=1"');
    expect(html).toContain('rel="noopener noreferrer nofollow"');
    expect(html).toContain('href="mailto:a@b.example"');
    expect(html).toContain('<table>');
  });

  it('judges URLs', () => {
    expect(isSafeUrl('https://x.example')).toBe(true);
    expect(isSafeUrl('/library/1')).toBe(true);
    expect(isSafeUrl(' javascript:alert(1)')).toBe(false);
    expect(isSafeUrl('java\nscript:alert(1)')).toBe(false);
    expect(isSafeUrl('data:text/html,x')).toBe(false);
  });
});

describe('diff', () => {
  it('is word-level for Latin and character-level for CJK', () => {
    expect(tokenize('Data flows freely.')).toEqual(['Data', ' ', 'flows', ' ', 'freely', '.']);
    expect(tokenize('数据流动AI治理')).toEqual(['数', '据', '流', '动', 'AI', '治', '理']);
    const en = diffText('Data flows freely.', 'Data flows safely.');
    expect(en.filter((p) => p.removed).map((p) => p.value)).toEqual(['freely']);
    expect(en.filter((p) => p.added).map((p) => p.value)).toEqual(['safely']);
    const zh = diffText('数据自由流动。', '数据安全流动。');
    expect(zh.filter((p) => p.removed).map((p) => p.value)).toEqual(['自由']);
    expect(zh.filter((p) => p.added).map((p) => p.value)).toEqual(['安全']);
  });

  it('aligns paragraphs by key and keeps removed ones where they stood', () => {
    const a = [
      { key: 'a', text: { en: 'A' } },
      { key: 'b', text: { en: 'B' } },
      { key: 'c', text: { en: 'C' } },
    ];
    const b = [
      { key: 'a', text: { en: 'A' } },
      { key: 'c', text: { en: 'C2' } },
      { key: 'd', text: { en: 'D' } },
    ];
    expect(diffVersions(a, b, 'en').map((p) => `${p.key}:${p.change}`)).toEqual(['a:same', 'b:removed', 'c:changed', 'd:added']);
  });
});
