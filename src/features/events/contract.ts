import { z } from 'zod';
import { publicPage, accountPage, staffPage } from '../../platform/http/links.js';
import {
  binary,
  bulkResult,
  bulkSelection,
  endpoint,
  endpoints,
  exportFormat,
  idParams,
  importQuery,
  labelled,
  okSchema,
  type RateLimit,
} from '../../platform/http/contract.js';
import { ref } from '../../platform/http/ref.js';
import { localeSchema, localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';
import { trailEntry } from '../admin/contract.js';

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
export const stakeholderGroups = [
  'government',
  'international-organization',
  'business',
  'technical-community',
  'civil-society',
  'academia',
  'individual',
] as const;
export type StakeholderGroup = (typeof stakeholderGroups)[number];
export const eventStatuses = ['draft', 'published'] as const;
/** A registration waits for accreditation (pending) unless it is online; staff approve or reject it; its holder may cancel it. */
export const registrationStatuses = ['pending', 'approved', 'rejected', 'cancelled'] as const;
export const signupStatuses = ['confirmed', 'waitlisted', 'cancelled'] as const;
export const invitationStatuses = ['sent', 'opened', 'accepted', 'declined'] as const;
export type EventKind = (typeof eventKinds)[number];
export type SessionKind = (typeof sessionKinds)[number];
export type Mode = (typeof modes)[number];
export type Visibility = (typeof visibilities)[number];
export type InvitationCategory = (typeof invitationCategories)[number];
export type SpeakerRole = (typeof speakerRoles)[number];
export type EventStatus = (typeof eventStatuses)[number];
export type RegistrationStatus = (typeof registrationStatuses)[number];
export type SignupStatus = (typeof signupStatuses)[number];
export type InvitationStatus = (typeof invitationStatuses)[number];
const eventKind = labelled(eventKinds, 'events:kinds');
const sessionKind = labelled(sessionKinds, 'events:sessionKinds');
const mode = labelled(modes, 'events:modes');
const visibility = labelled(visibilities, 'events:visibility');
const invitationCategory = labelled(invitationCategories, 'events:categories');
const speakerRole = labelled(speakerRoles, 'events:roles');
const stakeholderGroup = labelled(stakeholderGroups, 'shell:stakeholders');
export const genders = ['female', 'male', 'other', 'undisclosed'] as const;
const gender = labelled(genders, 'shell:genders');
export const attendances = ['on-site', 'online'] as const;
export type Attendance = (typeof attendances)[number];
const attendance = labelled(attendances, 'events:attendance');
const eventStatus = labelled(eventStatuses, 'events:status');
const registrationStatus = labelled(registrationStatuses, 'events:status');
const signupStatus = labelled(signupStatuses, 'events:status');
const invitationStatus = labelled(invitationStatuses, 'events:status');
const formFieldType = labelled(['text', 'textarea', 'select', 'date', 'country', 'checkbox'], 'events:fieldTypes');
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
  attendance: z.array(attendance).min(1),
});

export const formFieldInput = z.object({
  key,
  label: requiredLocalizedText(200),
  type: formFieldType,
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
    kind: eventKind,
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
    mode: mode,
    visibility: visibility,
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
    kind: sessionKind,
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
      .array(z.object({ personId: ref('person'), role: speakerRole }))
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
  category: invitationCategory,
  channelId: ref('invitationChannel').nullish(),
  personId: ref('person').nullish(),
  locale: localeSchema.default('en'),
});
export type InvitationInput = z.infer<typeof invitationInput>;

export const registrationInput = z.object({
  category: key,
  attendance: attendance,
  name: z.string().trim().min(1).max(200),
  nameLatin: z.string().trim().max(200).nullish(),
  organization: z.string().trim().max(300).nullish(),
  countryCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/)
    .nullish(),
  stakeholderGroup: stakeholderGroup.nullish(),
  gender: gender.nullish(),
  answers: z.record(z.string(), z.union([z.string().max(5000), z.boolean()])).default({}),
  sessions: z.array(ref('session')).max(50).default([]),
  invitationToken: z.string().max(200).optional(),
});
export type RegistrationInput = z.infer<typeof registrationInput>;

export const decisionInput = z.object({
  decision: labelled(['approve', 'reject'], 'events:admin'),
  reason: z.string().trim().max(2000).optional(),
});
/** The accreditation list's filter: the list, its exports and its bulk actions select the same registrations. */
export const registrationFilter = z.object({ status: registrationStatus.optional(), category: z.string().max(40).optional() });
export type RegistrationFilter = z.output<typeof registrationFilter>;
const registrationSelection = bulkSelection('registration', registrationFilter);
/** Accredit (or reject, with one reason) many registrations, each as the single decision. */
export const bulkDecisionInput = decisionInput
  .extend({ selection: registrationSelection })
  .refine((b) => b.decision !== 'reject' || !!b.reason, { path: ['reason'], message: 'give the reason for a rejection' });
/**
 * One mail to each selected registrant, written by staff. Placeholders: {{name}}, {{event}} and {{link}} (the
 * recipient's registration page, in their language); without {{link}} the link ends the mail.
 */
export const bulkMessageInput = z.object({
  selection: registrationSelection,
  subject: z.string().trim().min(1).max(300),
  body: z.string().trim().min(1).max(20_000),
});
/** The selected registrations as a delegate list (the columns of the full one). */
export const bulkExportInput = z.object({ selection: registrationSelection, format: exportFormat.default('csv') });
export const checkinInput = z
  .object({ token: z.string().max(500).optional(), registrationId: ref('registration').optional(), sessionId: ref('session').nullish() })
  .refine((c) => c.token || c.registrationId, 'give a badge token or a registration id');
export const templateInput = z.object({ subject: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(20_000) });

const loc = z.record(z.string(), z.string());

/** The mails staff may edit, each in every language. */
export const mailKeys = ['invitation', 'confirmation', 'approval', 'rejection', 'promotion', 'reminder'] as const;
const mailKey = labelled(mailKeys, 'events:mailKinds');
export type MailKey = (typeof mailKeys)[number];

export const seriesOut = z.object({ id: z.uuid(), slug: z.string(), name: loc, createdAt: z.date() });

export const categoryOut = z.object({
  key: z.string(),
  name: loc,
  color: z.string(),
  invitationOnly: z.boolean(),
  attendance: z.array(attendance),
});
export const formFieldOut = z.object({
  key: z.string(),
  label: loc,
  type: formFieldType,
  required: z.boolean(),
  options: z.array(z.object({ value: z.string(), label: loc })).optional(),
  showIf: z.object({ field: z.string(), equals: z.union([z.string(), z.boolean()]) }).optional(),
  passport: z.boolean().optional(),
});

export const eventOut = z.object({
  id: z.uuid(),
  seriesId: z.uuid().nullable(),
  edition: z.number().nullable(),
  slug: z.string(),
  kind: eventKind,
  name: loc,
  description: loc,
  theme: loc,
  startDate: z.string(),
  endDate: z.string(),
  timeZone: z.string(),
  city: loc,
  countryCode: z.string().nullable(),
  venue: loc,
  mode: mode,
  visibility: visibility,
  status: eventStatus,
  registrationOpen: z.boolean(),
  categories: z.array(categoryOut),
  formFields: z.array(formFieldOut),
});

export const roomOut = z.object({ id: z.uuid(), eventId: z.uuid(), name: loc, capacity: z.number().int() });

export const sessionOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  kind: sessionKind,
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
  people: z.array(z.object({ personId: ref('person'), name: z.string(), nameLatin: z.string().nullable(), role: speakerRole })),
  cancelled: z.boolean(),
});

export const agendaOut = z.object({
  event: eventOut,
  timeZone: z.string(),
  days: z.array(z.string()),
  rooms: z.array(roomOut),
  themes: z.array(z.string()),
  languages: z.array(z.string()),
  sessions: z.array(sessionOut),
});

export const conflictOut = z.object({
  kind: labelled(conflictKinds, 'events:conflicts'),
  sessionIds: z.array(z.uuid()),
  /** The sessions in conflict, with their times in their event's zone; `event` names another event's session. */
  sessions: z.array(
    z.object({ id: z.uuid(), title: loc, startsAt: z.date(), endsAt: z.date(), timeZone: z.string(), event: loc.nullable() }),
  ),
  /** In English, naming the sessions. */
  message: z.string(),
  roomId: z.uuid().optional(),
  room: z.object({ name: loc, capacity: z.number().int() }).optional(),
  places: z.number().int().optional(),
  personId: z.uuid().optional(),
  person: z.string().optional(),
});
export const publishedOut = z.object({ event: eventOut, conflicts: z.array(conflictOut) });

export const signupOut = z.object({ sessionId: z.uuid(), status: signupStatus, arrival: z.number(), position: z.number().nullable() });

export const registrationOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  userId: z.uuid(),
  category: z.string(),
  attendance: attendance,
  status: registrationStatus,
  reason: z.string().nullable(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  organization: z.string().nullable(),
  countryCode: z.string().nullable(),
  email: z.string(),
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  visaRef: z.string().nullable(),
  visaIssuedAt: z.date().nullable(),
  visaRevokedAt: z.date().nullable(),
  visaRevokeReason: z.string().nullable(),
  badgeRevoked: z.boolean(),
  accessUrl: z.string().nullable(),
  createdAt: z.date(),
  signups: z.array(signupOut),
});

/** Where a registrant's badge stands: issued (approved, not revoked), revoked, or none (not approved). */
export const badgeStates = ['issued', 'revoked', 'none'] as const;
/**
 * Where a registrant's visa invitation letter stands: issued (its reference made when first printed),
 * revoked, ready (the registrant may print it: an approved on-site delegate from abroad with passport
 * details) or none (no letter applies).
 */
export const visaLetterStates = ['issued', 'revoked', 'ready', 'none'] as const;

/** One registration as its event's staff see it on its own page: the person, the answers to the event's form, accreditation, badge, visa letter, sessions, check-ins and history. */
export const registrantOut = registrationOut.extend({
  stakeholderGroup: stakeholderGroup.nullable(),
  gender: gender.nullable(),
  decidedAt: z.date().nullable(),
  event: z.object({ id: z.uuid(), slug: z.string(), name: loc, timeZone: z.string(), startDate: z.string(), endDate: z.string() }),
  /** The category's name as the event gives it (null for a category the event no longer has). */
  categoryName: loc.nullable(),
  /** The event's registration form, to read the answers by. */
  formFields: z.array(formFieldOut),
  badge: z.object({ state: labelled(badgeStates, 'events:registrant.badgeState'), version: z.number().int() }),
  visaLetter: labelled(visaLetterStates, 'events:registrant.visaState'),
  sessions: z.array(
    z.object({
      sessionId: z.uuid(),
      title: loc,
      startsAt: z.date(),
      endsAt: z.date(),
      status: signupStatus,
      position: z.number().nullable(),
    }),
  ),
  /** Attendance recorded: the event itself (no session) or a session. */
  checkins: z.array(z.object({ at: z.date(), sessionId: z.uuid().nullable(), sessionTitle: loc.nullable() })),
  history: z.array(trailEntry),
});
export type Registrant = z.output<typeof registrantOut>;

/** A registration of one of an organization's people (or given under its name), as the organization's page lists it. */
export const organizationRegistration = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  event: loc,
  startDate: z.string(),
  endDate: z.string(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  category: z.string(),
  categoryName: loc.nullable(),
  attendance: attendance,
  status: registrationStatus,
});

export const channelOut = z.object({ id: z.uuid(), eventId: z.uuid(), name: z.string(), quota: z.number().int(), used: z.number().int() });

export const invitationOut = z.object({
  id: z.uuid(),
  eventId: z.uuid(),
  channelId: z.uuid().nullable(),
  category: invitationCategory,
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  status: invitationStatus,
  sentAt: z.date(),
  openedAt: z.date().nullable(),
  respondedAt: z.date().nullable(),
  remindedAt: z.date().nullable(),
});
/** The personal link is shown to staff once, when they invite (it is also mailed). */
export const invitationSent = invitationOut.extend({ link: z.string() });
export const invitationOpened = z.object({
  invitation: invitationOut,
  event: z.object({
    id: z.uuid(),
    slug: z.string(),
    name: loc,
    startDate: z.string(),
    endDate: z.string(),
    timeZone: z.string(),
    city: loc,
    mode: mode,
  }),
});
export const importReport = z.object({
  dryRun: z.boolean(),
  rows: z.number().int(),
  written: z.number().int(),
  errors: z.array(z.object({ line: z.number().int(), field: z.string(), message: z.string() })),
});

const attendee = z.object({
  id: z.uuid(),
  name: z.string(),
  nameLatin: z.string().nullable(),
  organization: z.string().nullable(),
  category: z.string(),
  countryCode: z.string().nullable(),
});
export const checkinOut = z.object({
  result: labelled(['ok', 'already', 'revoked', 'not_accredited', 'not_signed_up'], 'events:checkin'),
  firstAt: z.date().optional(),
  registration: attendee,
});
export const attendeeFound = attendee.extend({ status: registrationStatus });

/** What the public verification of a visa letter shows: nothing of the holder but the masked name and nationality. */
export const visaLetterCheck = z.object({
  reference: z.string(),
  status: labelled(['valid', 'revoked'], 'events:verify.status'),
  /** The name, partly masked ("Zh*** W**", "张*"). */
  holder: z.string(),
  holderLatin: z.string().nullable(),
  nationality: z.string().nullable(),
  event: loc,
  startDate: z.string(),
  endDate: z.string(),
  /** The days the letter was first issued and revoked, in the event's time zone. */
  issuedOn: z.string(),
  revokedOn: z.string().nullable(),
});
export const visaRevocationInput = z.object({ reason: z.string().trim().min(1).max(500) });

/**
 * Checks of a document by its reference (the API and the page /verify/:reference
 * share the count): a consulate checks a few, someone guessing references many.
 */
export const documentChecks: RateLimit = { bucket: 'document-checks', max: 20, perSeconds: 60 };

const counts = z.record(z.string(), z.number().int());
export const figuresOut = z.object({
  total: z.number().int(),
  /** Accredited (approved) registrations: the platform's one definition of delegates. */
  delegates: z.number().int(),
  checkedIn: z.number().int(),
  byStatus: counts,
  byAttendance: counts,
  byCountry: counts,
  byContinent: counts,
  byStakeholderGroup: counts,
  byGender: counts,
  countries: z.number().int(),
});

export const mailTemplateOut = z.object({
  key: mailKey,
  locale: localeSchema,
  subject: z.string(),
  body: z.string(),
  customized: z.boolean(),
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
  visa_letter_revoked: 409,
  visa_letter_missing: 409,
  session_cancelled: 409,
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

const eventParams = idParams;
/** An event by id or by slug (public pages use the slug). */
const eventKey = z.object({ id: z.string().max(100) });
const tokenParams = z.object({ token: z.string().min(10).max(300) });
const langQuery = z.object({ lang: localeSchema.optional() });
const calendar = ['text/calendar'] as const;
const pdf = ['application/pdf'] as const;
const keep = ['secretariat'] as const;

/**
 * The events API. Most writes are open to any signed-in caller at the door
 * ('user'): the service then checks that the caller manages the event, or owns
 * the registration, and answers 404 otherwise.
 */
/**
 * 'single': one A6 portrait badge per page (badge printers, A6 stock);
 * 'sheet': eight landscape badges per A4 sheet with cut marks (office printers).
 */
export const badgeLayouts = ['single', 'sheet'] as const;
export type BadgeLayout = (typeof badgeLayouts)[number];

export const eventsApi = endpoints('events', {
  // Series and events
  listSeries: endpoint({
    method: 'GET',
    path: '/api/v1/event-series',
    access: 'public',
    summary: 'Event series (e.g. wuzhen-summit)',
    response: { 200: z.array(seriesOut) },
  }),
  createSeries: endpoint({ method: 'POST', path: '/api/v1/event-series', access: keep, body: seriesInput, response: { 201: seriesOut } }),
  list: endpoint({
    method: 'GET',
    path: '/api/v1/events',
    access: 'public',
    summary: 'Events the caller may see',
    response: { 200: z.array(eventOut) },
  }),
  create: endpoint({ method: 'POST', path: '/api/v1/events', access: keep, body: eventInput, response: { 201: eventOut } }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id',
    access: 'public',
    summary: 'An event by id or slug',
    params: eventKey,
    response: { 200: eventOut },
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/v1/events/:id',
    access: 'user',
    params: eventParams,
    body: eventInput,
    response: { 200: eventOut },
  }),
  conflicts: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/conflicts',
    access: 'user',
    summary: 'Program conflicts, to fix before publishing',
    params: eventParams,
    response: { 200: z.array(conflictOut) },
  }),
  publish: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/publish',
    access: 'user',
    summary: 'Publish; refused with the conflicts listed unless force is true',
    params: eventParams,
    body: z.object({ force: z.boolean().default(false) }),
    response: { 200: publishedOut },
  }),
  setRegistrationOpen: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/registration',
    access: 'user',
    summary: 'Open or close registration',
    params: eventParams,
    body: z.object({ open: z.boolean() }),
    response: { 200: eventOut },
  }),
  unpublish: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/unpublish',
    access: 'user',
    params: eventParams,
    response: { 200: eventOut },
  }),

  // Managers: staff name and remove them (audited); a manager sees who else runs the event.
  managers: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/managers',
    access: 'user',
    summary: 'Who manages the event, and pending invitations to manage it',
    params: eventParams,
    response: { 200: managerList },
  }),
  addManager: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/managers',
    access: keep,
    summary: 'Name a manager by e-mail: an account gets the role at once; an unknown address is invited to create one',
    params: eventParams,
    body: managerInput,
    response: { 201: managerAdded },
  }),
  removeManager: endpoint({
    method: 'DELETE',
    path: '/api/v1/events/:id/managers/:userId',
    access: keep,
    summary: 'Remove a manager (revokes the role)',
    params: eventParams.extend({ userId: z.uuid() }),
    response: { 200: okSchema },
  }),
  withdrawManagerInvitation: endpoint({
    method: 'DELETE',
    path: '/api/v1/events/:id/manager-invitations/:invitationId',
    access: keep,
    summary: 'Withdraw a pending invitation to manage the event',
    params: eventParams.extend({ invitationId: z.uuid() }),
    response: { 200: okSchema },
  }),
  managerInvitation: endpoint({
    method: 'GET',
    path: '/api/v1/event-manager-invitations/:token',
    access: 'user',
    summary: 'An invitation to manage an event, as seen by the signed-in account',
    params: tokenParams,
    response: { 200: managerInvitationView },
  }),
  acceptManagerInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/event-manager-invitations/:token/accept',
    access: 'user',
    summary: 'Accept an invitation to manage an event (signed in with the invited address)',
    params: tokenParams,
    response: { 200: z.object({ eventId: z.uuid() }) },
  }),

  // Rooms
  rooms: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/rooms',
    access: 'public',
    params: eventParams,
    response: { 200: z.array(roomOut) },
  }),
  addRoom: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/rooms',
    access: 'user',
    params: eventParams,
    body: roomInput,
    response: { 201: roomOut },
  }),

  // Sessions and agenda
  agenda: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/agenda',
    access: 'public',
    summary: 'The program, filterable by day (in the event time zone), room, theme and language',
    params: eventKey,
    query: agendaQuery,
    response: { 200: agendaOut },
  }),
  createSession: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/sessions',
    access: 'user',
    params: eventParams,
    body: sessionInput,
    response: { 201: sessionOut },
  }),
  session: endpoint({ method: 'GET', path: '/api/v1/sessions/:id', access: 'public', params: idParams, response: { 200: sessionOut } }),
  updateSession: endpoint({
    method: 'PUT',
    path: '/api/v1/sessions/:id',
    access: 'user',
    params: idParams,
    body: sessionInput,
    response: { 200: sessionOut },
  }),
  setSessionCancelled: endpoint({
    method: 'POST',
    path: '/api/v1/sessions/:id/cancelled',
    access: 'user',
    summary: 'Cancel a session, or take the cancellation back',
    description:
      'A cancelled session stays in the program, marked; calendars show it cancelled (STATUS:CANCELLED) and nobody signs up for it.',
    params: idParams,
    body: z.object({ cancelled: z.boolean() }),
    response: { 200: sessionOut },
  }),
  deleteSession: endpoint({
    method: 'DELETE',
    path: '/api/v1/sessions/:id',
    access: 'user',
    params: idParams,
    response: { 200: okSchema },
  }),

  // iCalendar and the online venue
  eventCalendar: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/calendar.ics',
    access: 'public',
    summary: 'The program as iCalendar',
    params: eventKey,
    query: langQuery,
    produces: calendar,
    response: { 200: binary },
  }),
  sessionCalendar: endpoint({
    method: 'GET',
    path: '/api/v1/sessions/:id/calendar.ics',
    access: 'public',
    params: idParams,
    query: langQuery,
    produces: calendar,
    response: { 200: binary },
  }),
  onlineAccess: endpoint({
    method: 'GET',
    path: '/events/:slug/online',
    access: 'public',
    summary: "An approved online delegate's personal link: checked, then redirected to the event's online venue",
    hidden: true,
    params: z.object({ slug: z.string().max(200) }),
    query: z.object({ t: z.string().max(400) }),
    // Answers with a redirect (302) only.
    response: {},
  }),
  agendaLink: endpoint({
    method: 'GET',
    path: '/api/v1/me/agenda-link',
    access: 'user',
    summary: 'The personal calendar feed URL (a signed token; subscribe to it in a calendar program)',
    response: { 200: z.object({ url: z.string() }) },
  }),
  agendaFeed: endpoint({
    method: 'GET',
    path: '/api/v1/agenda/:token',
    access: 'public',
    summary: "A person's own agenda: the sessions they hold a seat in, as iCalendar",
    description: "In the account's language, unless `lang` asks for another.",
    params: z.object({ token: z.string().max(200) }),
    query: langQuery,
    produces: calendar,
    response: { 200: binary },
  }),

  // Invitations
  channels: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/channels',
    access: 'user',
    params: eventParams,
    response: { 200: z.array(channelOut) },
  }),
  createChannel: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/channels',
    access: 'user',
    params: eventParams,
    body: channelInput,
    response: { 201: channelOut },
  }),
  updateChannel: endpoint({
    method: 'PUT',
    path: '/api/v1/channels/:id',
    access: keep,
    params: idParams,
    body: channelInput,
    response: { 200: channelOut },
  }),
  invitations: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/invitations',
    access: 'user',
    params: eventParams,
    response: { 200: z.array(invitationOut) },
  }),
  invite: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/invitations',
    access: 'user',
    summary: 'Invite one person (mails the personal link)',
    params: eventParams,
    body: invitationInput,
    response: { 201: invitationSent },
  }),
  importInvitations: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/invitations/import',
    access: 'user',
    summary: 'Invite from CSV/XLSX: email, name, category, channel, locale',
    params: eventParams,
    query: importQuery,
    upload: true,
    response: { 200: importReport },
  }),
  openInvitation: endpoint({
    method: 'GET',
    path: '/api/v1/invitations/:token',
    access: 'public',
    summary: 'Open a personal invitation link',
    params: tokenParams,
    response: { 200: invitationOpened },
  }),
  acceptInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/invitations/:token/accept',
    access: 'user',
    params: tokenParams,
    response: { 200: invitationOut },
  }),
  declineInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/invitations/:token/decline',
    access: 'public',
    params: tokenParams,
    response: { 200: invitationOut },
  }),

  // Registration
  register: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/registrations',
    access: 'user',
    summary: 'Register (idempotent: a second submit returns the first registration)',
    params: eventParams,
    body: registrationInput,
    response: { 200: registrationOut, 201: registrationOut },
  }),
  myRegistrations: endpoint({
    method: 'GET',
    path: '/api/v1/me/registrations',
    access: 'user',
    response: { 200: z.array(registrationOut) },
  }),
  registration: endpoint({
    method: 'GET',
    path: '/api/v1/registrations/:id',
    access: 'user',
    params: idParams,
    response: { 200: registrationOut },
  }),
  signUp: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/sessions',
    access: 'user',
    summary: 'Sign up for a session (a seat, or the waitlist)',
    params: idParams,
    body: z.object({ sessionId: ref('session') }),
    response: { 200: registrationOut },
  }),
  leaveSession: endpoint({
    method: 'DELETE',
    path: '/api/v1/registrations/:id/sessions/:sessionId',
    access: 'user',
    summary: 'Leave a session; the first person waiting gets the seat',
    params: z.object({ id: z.uuid(), sessionId: z.uuid() }),
    response: { 200: registrationOut },
  }),
  cancelRegistration: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/cancel',
    access: 'user',
    params: idParams,
    response: { 200: registrationOut },
  }),
  registrations: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/registrations',
    access: 'user',
    summary: 'Registrations (the accreditation queue with status=pending)',
    params: eventParams,
    query: registrationFilter,
    response: { 200: z.array(registrationOut) },
  }),
  bulkDecide: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/registrations/bulk/decision',
    access: 'user',
    summary: 'Accreditation of the selected registrations (picked, or every one the filter matches): approve, or reject with a reason',
    description:
      'Each registration is decided in its own transaction with the single decision’s rules, mail and audit entry; the answer has one line per registration (done, skipped when it already was so, or refused with the code of why). A registration of another event is refused, never decided. One more audit entry records the bulk action.',
    params: eventParams,
    body: bulkDecisionInput,
    response: { 200: bulkResult },
  }),
  bulkMessage: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/registrations/bulk/message',
    access: 'user',
    summary: 'Mail the selected registrants: one mail each, queued in the outbox, with a link to their registration',
    params: eventParams,
    body: bulkMessageInput,
    response: { 200: bulkResult },
  }),
  bulkExport: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/registrations/bulk/export',
    access: 'user',
    summary: 'The selected registrations as a delegate list, CSV or XLSX (refused whole when one is not of this event)',
    params: eventParams,
    body: bulkExportInput,
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    response: { 200: binary },
  }),
  registrant: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/registrations/:registrationId',
    access: 'user',
    summary: "One registration for its event's staff: person, answers, accreditation, badge, visa letter, check-ins, history",
    description: 'For the secretariat and the managers of this event; 404 for anyone else, or a registration of another event.',
    params: eventParams.extend({ registrationId: z.uuid() }),
    response: { 200: registrantOut },
  }),
  organizationRegistrations: endpoint({
    method: 'GET',
    path: '/api/v1/organizations/:id/event-registrations',
    access: keep,
    summary: "An organization's event registrations: those of its people (affiliated, past or present) or given under its name",
    params: idParams,
    response: { 200: z.array(organizationRegistration) },
  }),
  decide: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/decision',
    access: 'user',
    summary: 'Accreditation: approve, or reject with a reason',
    params: idParams,
    body: decisionInput,
    response: { 200: registrationOut },
  }),

  // Badges
  badge: endpoint({
    method: 'GET',
    path: '/api/v1/registrations/:id/badge.pdf',
    access: 'user',
    params: idParams,
    query: langQuery,
    produces: pdf,
    response: { 200: binary },
  }),
  badges: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/badges.pdf',
    access: 'user',
    summary: 'Batch print: every approved badge, optionally of one category; one per A6 page or eight per A4 sheet',
    params: eventParams,
    query: z.object({
      category: z.string().max(40).optional(),
      lang: localeSchema.optional(),
      layout: labelled(badgeLayouts, 'events:badgeLayouts').default('single'),
    }),
    produces: pdf,
    response: { 200: binary },
  }),
  badgeToken: endpoint({
    method: 'GET',
    path: '/api/v1/registrations/:id/badge-token',
    access: 'user',
    params: idParams,
    response: { 200: z.object({ token: z.string() }) },
  }),
  revokeBadge: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/badge/revoke',
    access: 'user',
    params: idParams,
    response: { 200: okSchema },
  }),
  reissueBadge: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/badge/reissue',
    access: 'user',
    params: idParams,
    response: { 200: okSchema },
  }),

  // Check-in
  checkIn: endpoint({
    method: 'POST',
    path: '/api/v1/events/:id/checkin',
    access: 'user',
    summary: 'Record attendance by badge token or registration id; warns on a second scan or a revoked badge',
    params: eventParams,
    body: checkinInput,
    response: { 200: checkinOut },
  }),
  searchAttendees: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/checkin/search',
    access: 'user',
    params: eventParams,
    query: z.object({ q: z.string().trim().min(1).max(100) }),
    response: { 200: z.array(attendeeFound) },
  }),

  // Visa letters
  visaLetter: endpoint({
    method: 'GET',
    path: '/api/v1/registrations/:id/visa-letter.pdf',
    access: 'user',
    description: "Bilingual (Chinese and English); `lang` picks the language of its verification link (the account's by default).",
    params: idParams,
    query: langQuery,
    produces: pdf,
    response: { 200: binary },
  }),
  verifyVisaLetter: endpoint({
    method: 'GET',
    path: '/api/v1/visa-letters/:ref',
    access: 'public',
    summary: 'Verify a visa letter by its reference number',
    description: 'Valid or revoked, with the masked name; 404 for an unknown reference. Limited per client address (429 rate_limited).',
    params: z.object({ ref: z.string().max(40) }),
    rateLimit: documentChecks,
    response: { 200: visaLetterCheck },
  }),
  revokeVisaLetter: endpoint({
    method: 'POST',
    path: '/api/v1/registrations/:id/visa-letter/revoke',
    access: 'user',
    summary: "Revoke a registration's visa letter (its event's managers), with the reason",
    params: idParams,
    body: visaRevocationInput,
    response: { 200: registrationOut },
  }),

  // Exports and figures
  delegates: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/delegates',
    access: 'user',
    summary: 'Delegate list as CSV or XLSX',
    params: eventParams,
    query: z.object({ format: exportFormat.default('csv'), status: registrationStatus.optional() }),
    produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    response: { 200: binary },
  }),
  figures: endpoint({
    method: 'GET',
    path: '/api/v1/events/:id/figures',
    access: 'user',
    summary: 'Registrations and attendance by country, continent, stakeholder group and gender',
    params: eventParams,
    response: { 200: figuresOut },
  }),

  // Mail templates
  mailTemplates: endpoint({
    method: 'GET',
    path: '/api/v1/event-mail-templates',
    access: keep,
    response: { 200: z.array(mailTemplateOut) },
  }),
  saveMailTemplate: endpoint({
    method: 'PUT',
    path: '/api/v1/event-mail-templates/:key/:locale',
    access: keep,
    params: z.object({ key: mailKey, locale: localeSchema }),
    body: templateInput,
    response: { 200: okSchema },
  }),
});

/** The events' pages. */
export const eventsPages = {
  events: publicPage('/events'),
  event: publicPage('/events/:slug'),
  session: publicPage('/events/:slug/sessions/:id'),
  register: publicPage('/events/:slug/register'),
  invitation: publicPage('/invitations/:token'),
  /** The public check of a visa letter by the reference printed on it. */
  verify: publicPage('/verify/:reference'),
  myRegistrations: accountPage('/me/registrations'),
  myRegistration: accountPage('/me/registrations/:id'),
  managerInvitation: accountPage('/event-manager/:token'),
  adminEvents: staffPage('/events'),
  adminEvent: staffPage('/events/:id'),
  /** One registration of an event, for its staff. */
  registrant: staffPage('/events/:id/registrations/:registrationId'),
  checkin: staffPage('/events/:id/checkin'),
  mailTemplates: staffPage('/event-mails'),
};
