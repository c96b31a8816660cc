import DOMPurify from 'dompurify';
import { allowedAttributes, allowedTags, isSafeUrl, markdownToHtml } from '../markdown';

const allowedAttr = [...new Set(Object.values(allowedAttributes).flat())];

/** The browser's allowlist sanitizer (same lists as the server's), with unsafe link targets removed. */
export function sanitizeInBrowser(html: string) {
  const clean = DOMPurify.sanitize(html, {
    ALLOWED_TAGS: allowedTags,
    ALLOWED_ATTR: allowedAttr,
    ALLOW_DATA_ATTR: false,
    RETURN_DOM_FRAGMENT: true,
  });
  clean.querySelectorAll('a[href], img[src]').forEach((el) => {
    const attr = el.tagName === 'A' ? 'href' : 'src';
    if (!isSafeUrl(el.getAttribute(attr) ?? '')) el.removeAttribute(attr);
  });
  const div = document.createElement('div');
  div.appendChild(clean);
  return div.innerHTML;
}

/** Markdown rendered the same way as on the server: markdown-it (HTML off, safe links only), then sanitized. */
export const renderMarkdown = (text: string) => sanitizeInBrowser(markdownToHtml(text));

/** Shows HTML that was rendered and sanitized on the server, sanitized once more here. */
export function SafeHtml({ html, lang, className }: { html: string; lang?: string; className?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: sanitized just before, with the server's allowlist
  return <div className={className ?? 'wz-markdown'} lang={lang} dangerouslySetInnerHTML={{ __html: sanitizeInBrowser(html) }} />;
}

export function MarkdownView({ text, lang }: { text: string; lang?: string }) {
  // biome-ignore lint/security/noDangerouslySetInnerHtml: renderMarkdown() sanitizes with the server's allowlist
  return <div className="wz-markdown" lang={lang} dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />;
}
