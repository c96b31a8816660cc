import type { TFunction } from 'i18next';

/**
 * The label of an audit action or record type. Codes hold dots ('document.comment.resolve'), so the lookup
 * splits the key at '|' instead; a code written before its label existed shows as it is.
 */
export const auditLabel = (t: TFunction, kind: 'auditAction' | 'auditEntity', code: string) =>
  t(`admin:${kind}|${code}`, { keySeparator: '|', defaultValue: code });
