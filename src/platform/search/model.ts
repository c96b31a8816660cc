import { sql } from 'drizzle-orm';
import { customType, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { LocalizedText } from '../i18n/index.js';

const tsvector = customType<{ data: string }>({ dataType: () => 'tsvector' });

/**
 * One row per searchable thing (an event, a session, a member, a case, a publication…).
 * Features write rows through indexDocs() inside their own transactions, so the
 * index changes with the content; `wuzhen search rebuild` recreates it from scratch.
 */
export const searchDocs = pgTable(
  'search_docs',
  {
    kind: text('kind').notNull(), // e.g. 'event', 'session', 'member', 'case', 'publication', 'group', 'document', 'person'
    id: text('id').notNull(),
    /** public: anyone; members: people of active member organizations; staff: secretariat and admins. */
    visibility: text('visibility').notNull(),
    title: jsonb('title').$type<LocalizedText>().notNull(),
    summary: jsonb('summary').$type<LocalizedText>().notNull().default({}),
    /** Path in the public site without the language prefix, e.g. /events/wuzhen-summit-2023. */
    url: text('url').notNull(),
    year: integer('year'),
    countryCode: text('country_code'),
    langs: text('langs').array().notNull().default(sql`'{}'::text[]`),
    /** Normalized, segmented words of title (weight A) and body (weight B). */
    words: tsvector('words').notNull(),
    /** The title's words alone: lets a search with many matches rank title matches first without reading every match. */
    titleWords: tsvector('title_words'),
    /** Normalized title for typo-tolerant trigram matching of names. */
    titleNorm: text('title_norm').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.kind, t.id] }),
    index('search_docs_words_idx').using('gin', t.words),
    index('search_docs_title_words_idx').using('gin', t.titleWords),
    index('search_docs_title_trgm_idx').using('gin', sql`${t.titleNorm} gin_trgm_ops`),
    index('search_docs_visibility_idx').on(t.visibility, t.kind),
    // Browsing without words lists the newest first: this order without sorting every row.
    index('search_docs_recent_idx').on(sql`${t.year} desc nulls last`, sql`${t.updatedAt} desc`, t.kind, t.id),
  ],
);
