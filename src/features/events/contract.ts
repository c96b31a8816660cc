import { z } from 'zod';
import { ref } from '../../platform/http/ref.js';
import { localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';

export const eventKinds = [
  'summit',
  'forum',
  'regional-forum',
  'overseas-forum',
  'themed-forum',
  'dialogue',
  'member-day',
  'webinar',
] as const;
export const sessionKinds = ['ceremony', 'plenary', 'sub-forum', 'roundtable', 'lecture', 'special-dialogue'] as const;
export const modes = ['in-person', 'online', 'hybrid'] as const;
export const visibilities = ['public', 'members', 'invitation'] as const;
export const invitationCategories = ['vip', 'speaker', 'delegate', 'media', 'staff'] as const;
export const speakerRoles = ['speaker', 'moderator', 'host', 'panelist', 'keynote'] as const;
export const conflictKinds = ['room_double_booked', 'person_double_booked', 'outside_event_days', 'room_too_small'] as const;

const timeZone = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return tz.includes('/') || tz === 'UTC';
    } catch {
      return false;
    }
  }, 'must be an IANA time zone, e.g. Asia/Shanghai');
const slug = z
  .string()
  .trim()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'lower-case letters, digits and dashes')
  .max(100);
const key = z
  .string()
  .trim()
  .regex(/^[a-z][a-z0-9_-]{0,39}$/, 'lower-case letters, digits, _ and -');

export const categoryInput = z.object({
  key,
  name: requiredLocalizedText(100),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour like #1f6feb'),
  invitationOnly: z.boolean().default(false),
  attendance: z.array(z.enum(['on-site', 'online'])).min(1),
});

export const formFieldInput = z.object({
  key,
  label: requiredLocalizedText(200),
  type: z.enum(['text', 'textarea', 'select', 'date', 'country', 'checkbox']),
  required: z.boolean().default(false),
  options: z
    .array(z.object({ value: z.string().min(1).max(100), label: requiredLocalizedText(200) }))
    .max(100)
    .optional(),
  showIf: z.object({ field: key, equals: z.union([z.string(), z.boolean()]) }).optional(),
  passport: z.boolean().optional(),
});

export const seriesInput = z.object({ slug, name: requiredLocalizedText(300) });

export const eventInput = z
  .object({
    seriesId: ref('eventSeries').nullish(),
    edition: z.number().int().min(1900).max(3000).nullish(),
    slug,
    kind: z.enum(eventKinds),
    name: requiredLocalizedText(300),
    description: localizedText(20_000).optional(),
    theme: localizedText(500).optional(),
    startDate: z.iso.date(),
    endDate: z.iso.date(),
    timeZone,
    city: localizedText(200).optional(),
    countryCode: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{2}$/)
      .nullish(),
    venue: localizedText(300).optional(),
    mode: z.enum(modes),
    visibility: z.enum(visibilities),
    registrationOpen: z.boolean().default(false),
    onlineUrl: z
      .url({ protocol: /^https?$/ })
      .max(500)
      .nullish(), // no javascript: or data: links
    categories: z.array(categoryInput).max(30).optional(),
    formFields: z.array(formFieldInput).max(100).optional(),
  })
  .refine((e) => e.endDate >= e.startDate, { message: 'ends before it starts', path: ['endDate'] });
export type EventInput = z.infer<typeof eventInput>;

export const roomInput = z.object({ name: requiredLocalizedText(200), capacity: z.number().int().min(1).max(100_000) });

export const sessionInput = z
  .object({
    kind: z.enum(sessionKinds),
    title: requiredLocalizedText(300),
    description: localizedText(20_000).optional(),
    theme: z.string().trim().max(100).nullish(),
    language: z.string().trim().max(20).nullish(),
    startsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    endsAt: z.iso.datetime({ offset: true }).transform((s) => new Date(s)),
    roomId: ref('room').nullish(),
    capacity: z.number().int().min(1).max(100_000).nullish(),
    coOrganizers: z.array(requiredLocalizedText(300)).max(20).optional(),
    people: z
      .array(z.object({ personId: ref('person'), role: z.enum(speakerRoles) }))
      .max(100)
      .optional(),
  })
  .refine((s) => s.endsAt > s.startsAt, { message: 'ends before it starts', path: ['endsAt'] });
export type SessionInput = z.infer<typeof sessionInput>;

export const agendaQuery = z.object({
  day: z.iso.date().optional(),
  room: z.uuid().optional(),
  theme: z.string().max(100).optional(),
  language: z.string().max(20).optional(),
});

export const channelInput = z.object({ name: z.string().trim().min(1).max(200), quota: z.number().int().min(0).max(100_000) });

export const invitationInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200),
  category: z.enum(invitationCategories),
  channelId: ref('invitationChannel').nullish(),
  personId: ref('person').nullish(),
  locale: z.enum(['en', 'zh-Hans', 'zh-Hant']).default('en'),
});
export type InvitationInput = z.infer<typeof invitationInput>;

export const registrationInput = z.object({
  category: key,
  attendance: z.enum(['on-site', 'online']),
  name: z.string().trim().min(1).max(200),
  nameLatin: z.string().trim().max(200).nullish(),
  organization: z.string().trim().max(300).nullish(),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .nullish(),
  stakeholderGroup: z
    .enum(['government', 'international-organization', 'business', 'technical-community', 'civil-society', 'academia', 'individual'])
    .nullish(),
  gender: z.enum(['female', 'male', 'other', 'undisclosed']).nullish(),
  answers: z.record(z.string(), z.union([z.string().max(5000), z.boolean()])).default({}),
  sessions: z.array(ref('session')).max(50).default([]),
  invitationToken: z.string().max(200).optional(),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const decisionInput = z.object({ decision: z.enum(['approve', 'reject']), reason: z.string().trim().max(2000).optional() });
export const checkinInput = z
  .object({ token: z.string().max(500).optional(), registrationId: ref('registration').optional(), sessionId: ref('session').nullish() })
  .refine((c) => c.token || c.registrationId, 'give a badge token or a registration id');
export const templateInput = z.object({ subject: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(20_000) });

const loc = z.record(z.string(), z.string());

export const eventOut = z.object({
  id: z.uuid(),
  seriesId: z.uuid().nullable(),
  edition: z.number().nullable(),
  slug: z.string(),
  kind: z.string(),
  name: loc,
  description: loc,
  theme: loc,
  startDate: z.string(),
  endDate: z.string(),
  timeZone: z.string(),
  city: loc,
  countryCode: z.string().nullable(),
  venue: loc,
  mode: z.string(),
  visibility: z.string(),
  status: z.string(),
  registrationOpen: z.boolean(),
  categories: z.array(z.any()),
  formFields: z.array(z.any()),
});

export const sessionOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  kind: z.string(),
  title: loc,
  description: loc,
  theme: z.string().nullable(),
  language: z.string().nullable(),
  startsAt: z.date(),
  endsAt: z.date(),
  roomId: z.uuid().nullable(),
  roomName: loc.nullable(),
  capacity: z.number().nullable(),
  confirmed: z.number(),
  waiting: z.number(),
  coOrganizers: z.array(loc),
  people: z.array(z.object({ personId: ref('person'), name: z.string(), nameLatin: z.string().nullable(), role: z.string() })),
});

export const conflictOut = z.object({
  kind: z.enum(conflictKinds),
  sessionIds: z.array(z.uuid()),
  message: z.string(),
  roomId: z.uuid().optional(),
  personId: z.uuid().optional(),
});

export const signupOut = z.object({ sessionId: z.uuid(), status: z.string(), arrival: z.number(), position: z.number().nullable() });

export const registrationOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  userId: z.uuid(),
  category: z.string(),
  attendance: z.string(),
  status: z.string(),
  reason: z.string().nullable(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  organization: z.string().nullable(),
  countryCode: z.string().nullable(),
  email: z.string(),
  answers: z.record(z.string(), z.any()),
  visaRef: z.string().nullable(),
  badgeRevoked: z.boolean(),
  accessUrl: z.string().nullable(),
  createdAt: z.date(),
  signups: z.array(signupOut),
});

// Managers of an event (staff name them; a manager sees the list).
export const managerInput = z.object({ email: z.email().max(254) });
export const managerAdded = z.discriminatedUnion('status', [
  z.object({ status: z.literal('granted'), userId: z.uuid() }),
  z.object({ status: z.literal('invited'), invitationId: z.uuid() }),
]);
export const managerList = z.object({
  managers: z.array(z.object({ userId: z.uuid(), name: z.string(), email: z.string(), since: z.string() })),
  pending: z.array(z.object({ id: z.uuid(), email: z.string(), createdAt: z.string(), expiresAt: z.string() })),
});
export const managerInvitationView = z.object({ eventId: z.uuid(), eventName: localizedText(), email: z.string(), yours: z.boolean() });
export type ManagerList = z.infer<typeof managerList>;
export type ManagerInvitationView = z.infer<typeof managerInvitationView>;

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const eventsErrors = {
  slug_taken: 409,
  capacity_below_confirmed: 409,
  program_conflicts: 409,
  already_signed_up: 409,
  registration_closed: 409,
  registration_inactive: 409,
  invitation_required: 403,
  not_pending: 409,
  badge_invalid: 400,
  visa_letter_not_applicable: 409,
  visa_not_needed: 409,
  quota_below_used: 409,
  quota_exceeded: 409,
  already_invited: 409,
  already_accepted: 409,
  already_declined: 409,
  account_disabled: 409,
  already_manager: 409,
  invitation_other_account: 403,
  font_missing: 500,
} as const;
export type EventsError = keyof typeof eventsErrors;
