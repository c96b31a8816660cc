// Shared by the server and the browser (like contract.ts): pure, no server imports.
import MarkdownIt from 'markdown-it';

/**
 * The one Markdown dialect of documents, shared by the server and the browser.
 * Raw HTML is off (a `<script>` in the text stays text), and links may only
 * point to http(s), mailto or relative addresses: javascript:, data:, vbscript:
 * and every other scheme are refused. The HTML it makes then goes through an
 * allowlist sanitizer on both sides (sanitize-html on the server, DOMPurify in
 * the browser) with the same lists below, as a second wall.
 */
export const md = new MarkdownIt({ html: false, linkify: true, breaks: false, typographer: false });

const safeUrl = /^(https?:|mailto:|\/|#|\.\/|\.\.\/)/i;
export function isSafeUrl(url: string) {
  // Browsers ignore tabs, newlines and leading control characters inside a scheme: strip them before judging.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this strips
  const u = url.replace(/[\u0000-\u0020\u007f-\u009f]/g, '');
  if (/^[a-z][a-z0-9+.-]*:/i.test(u)) return /^(https?|mailto):/i.test(u);
  return safeUrl.test(u) || !u.includes(':');
}
md.validateLink = (url) => isSafeUrl(url);

const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
  tokens[idx].attrSet('rel', 'noopener noreferrer nofollow');
  if (/^https?:/i.test(tokens[idx].attrGet('href') ?? '')) tokens[idx].attrSet('target', '_blank');
  return defaultLinkOpen(tokens, idx, options, env, self);
};

export const allowedTags = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  's',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'img',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'sup',
  'sub',
];
export const allowedAttributes: Record<string, string[]> = {
  a: ['href', 'title', 'rel', 'target'],
  img: ['src', 'alt', 'title'],
  ol: ['start'],
  th: ['style'],
  td: ['style'],
};
export const allowedSchemes = ['http', 'https', 'mailto'];

/** Markdown → HTML before sanitizing (callers sanitize with their side's sanitizer). */
export const markdownToHtml = (text: string) => md.render(text);
