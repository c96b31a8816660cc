import sanitizeHtml from 'sanitize-html';
import { allowedAttributes, allowedSchemes, allowedTags, isSafeUrl, markdownToHtml } from './markdown.js';

/** Allowlist sanitizer of the server: only the tags and attributes the Markdown dialect makes survive. */
export function sanitize(html: string) {
  return sanitizeHtml(html, {
    allowedTags,
    allowedAttributes,
    allowedSchemes,
    allowedSchemesAppliedToAttributes: ['href', 'src'],
    allowProtocolRelative: false,
    allowedStyles: { th: { 'text-align': [/^(left|right|center)$/] }, td: { 'text-align': [/^(left|right|center)$/] } },
    exclusiveFilter: (frame) => (frame.tag === 'a' || frame.tag === 'img') && !isSafeUrl(frame.attribs.href ?? frame.attribs.src ?? ''),
    disallowedTagsMode: 'discard',
  });
}

/** Markdown rendered safely on the server. */
export const renderMarkdown = (text: string) => sanitize(markdownToHtml(text));
