import { z } from 'zod';
import { publicPage, staffPage } from '../../platform/http/links.js';
import { binary, endpoint, endpoints, idParams, labelled, okSchema } from '../../platform/http/contract.js';
import { ref } from '../../platform/http/ref.js';
import { localeSchema, localizedText, requiredLocalizedText } from '../../platform/i18n/text.js';

export const documentKinds = ['report', 'consensus', 'initiative', 'proposal'] as const;
export const versionStatuses = ['draft', 'consultation', 'final', 'published'] as const;
export type VersionStatus = (typeof versionStatuses)[number];
export type DocumentKind = (typeof documentKinds)[number];
export const groupStatuses = ['active', 'closed'] as const;
export type GroupStatus = (typeof groupStatuses)[number];
export const memberRoles = ['chair', 'co_chair', 'member'] as const;
export const memberStatuses = ['invited', 'requested', 'active', 'declined', 'left'] as const;
export const meetingModes = ['online', 'in_person', 'hybrid'] as const;
export const commentStatuses = ['open', 'accepted', 'declined', 'answered'] as const;
export const endorsementKinds = ['endorse', 'cosign'] as const;
export type EndorsementKind = (typeof endorsementKinds)[number];
const documentKind = labelled(documentKinds, 'groups:kind');
const versionStatus = labelled(versionStatuses, 'documents:vstatus');
const groupStatus = labelled(groupStatuses, 'groups:groupStatus');
const memberRole = labelled(memberRoles, 'groups:role');
const memberStatus = labelled(memberStatuses, 'groups:status');
const meetingMode = labelled(meetingModes, 'groups:meeting');
const commentStatus = labelled(commentStatuses, 'documents:cstatus');
const endorsementKind = labelled(endorsementKinds, 'documents:endorsementKind');

/** The only moves a version's status may make. Published is frozen. */
export const statusMoves: Record<VersionStatus, VersionStatus[]> = {
  draft: ['consultation', 'final'],
  consultation: ['final'],
  final: ['published'],
  published: [],
};

const loc = z.record(z.string(), z.string());
const slug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9-]{1,60}$/, 'lower-case letters, digits and dashes');
const timeZone = z.string().refine((tz) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}, 'must be an IANA time zone, e.g. Asia/Shanghai');
/** An ISO date-time with offset, within years a database and a person both accept. */
const dateTime = z.iso.datetime({ offset: true }).refine((v) => {
  const y = new Date(v).getUTCFullYear();
  return y >= 2000 && y <= 2200;
}, 'must be a date between the years 2000 and 2200');
const calendarDate = z.iso.date().refine((v) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v && d.getUTCFullYear() >= 1990 && d.getUTCFullYear() <= 2200;
}, 'must be a real calendar date');
const httpUrl = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/\S+$/i, 'must start with http:// or https://');

export const groupInput = z.object({
  slug,
  name: requiredLocalizedText(200),
  mandate: localizedText(10_000).optional(),
  liaisonUserId: ref('user').nullish(),
});
export const groupUpdate = groupInput.partial().omit({ slug: true }).extend({ status: groupStatus.optional() });

export const person = z.object({
  userId: z.uuid(),
  name: z.string(),
  organizationId: z.uuid().nullable(),
  organizationName: loc.nullable(),
});
export const publicGroup = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: loc,
  mandate: loc,
  status: groupStatus,
  chairs: z.array(person.extend({ role: memberRole })),
  liaison: z.object({ userId: z.uuid(), name: z.string() }).nullable(),
  memberCount: z.number().int(),
  memberOrganizations: z.array(z.object({ id: z.uuid(), name: loc, countryCode: z.string(), stakeholderGroup: z.string() })),
  outputs: z.array(
    z.object({ id: z.uuid(), kind: documentKind, title: loc, versionLabel: z.string(), publishedAt: z.string().nullable() }),
  ),
  /** What the caller may do here. */
  you: z.object({ member: z.boolean(), editor: z.boolean(), status: memberStatus.nullable() }),
});
export const groupSummary = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: loc,
  mandate: loc,
  status: groupStatus,
  memberCount: z.number().int(),
});

export const inviteInput = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(1).max(200).optional(),
  role: memberRole.default('member'),
  organizationId: ref('organization').nullish(),
  message: z.string().trim().max(2000).optional(),
  /** Staff only: add the person at once instead of inviting them (audited). */
  direct: z.boolean().default(false),
});
export const joinRequestInput = z.object({
  organizationId: ref('ownOrganization').nullish(),
  message: z.string().trim().max(2000).optional(),
});
export const roleInput = z.object({ role: memberRole });
export const memberRow = z.object({
  id: z.uuid(),
  userId: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  role: memberRole,
  status: memberStatus,
  organizationId: z.uuid().nullable(),
  organizationName: loc.nullable(),
  message: z.string().nullable(),
  createdAt: z.string(),
});

export const meetingInput = z.object({
  title: requiredLocalizedText(300),
  startsAt: dateTime,
  durationMinutes: z
    .number()
    .int()
    .min(5)
    .max(24 * 60)
    .default(90),
  timezone: timeZone,
  mode: meetingMode,
  location: z.string().trim().max(300).nullish(),
  link: httpUrl.nullish(),
  minutes: z.string().max(100_000).nullish(),
  /** A published event the meeting is held at. */
  eventId: ref('event').nullish(),
});
export const meeting = z.object({
  id: z.uuid(),
  groupId: z.uuid(),
  title: loc,
  startsAt: z.string(),
  durationMinutes: z.number(),
  timezone: z.string(),
  mode: meetingMode,
  location: z.string().nullable(),
  link: z.string().nullable(),
  minutes: z.string().nullable(),
  minutesHtml: z.string().nullable(),
  minutesFile: z.object({ id: z.uuid(), name: z.string(), mime: z.string(), size: z.number() }).nullable(),
  event: z.object({ id: z.uuid(), slug: z.string(), name: loc, startDate: z.string(), endDate: z.string() }).nullable(),
});

export const threadInput = z.object({ title: z.string().trim().min(1).max(300), body: z.string().trim().min(1).max(20_000) });
export const postInput = z.object({ body: z.string().trim().min(1).max(20_000) });
export const thread = z.object({
  id: z.uuid(),
  title: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  lastPostAt: z.string(),
  posts: z.number().int(),
});
export const post = z.object({ id: z.uuid(), authorName: z.string(), body: z.string(), html: z.string(), createdAt: z.string() });

// Documents
export const paragraphInput = z.object({
  key: z
    .string()
    .regex(/^[a-z0-9-]{4,40}$/)
    .optional(),
  text: requiredLocalizedText(50_000),
});
export const documentInput = z.object({
  kind: documentKind,
  title: requiredLocalizedText(500),
  label: z.string().trim().min(1).max(20).default('1'),
  paragraphs: z.array(paragraphInput).max(2000).default([]),
});
export const versionTextInput = z.object({
  paragraphs: z.array(paragraphInput).max(2000),
  /** Optimistic lock: the version's updatedAt the editor started from. */
  baseUpdatedAt: z.string().optional(),
});
export const newVersionInput = z.object({
  label: z.string().trim().min(1).max(20).optional(),
  changeSummary: localizedText(5000).optional(),
});
export const statusInput = z.object({ status: versionStatus });
export const roundInput = z.object({ opensAt: dateTime.optional(), closesAt: dateTime });
export const commentInput = z.object({ paragraphKey: z.string().min(1).max(40), body: z.string().trim().min(1).max(10_000) });
export const resolveInput = z
  .object({ status: labelled(['accepted', 'declined', 'answered'], 'documents:resolve'), response: z.string().trim().max(5000).optional() })
  .refine((v) => v.status === 'accepted' || !!v.response, {
    message: 'Give a reason (declined) or an answer (answered).',
    path: ['response'],
  });

export const paragraph = z.object({ key: z.string(), position: z.number().int(), text: loc, html: loc });
export const versionSummary = z.object({
  id: z.uuid(),
  number: z.number().int(),
  label: z.string(),
  status: versionStatus,
  languages: z.array(z.string()),
  createdAt: z.string(),
  publishedAt: z.string().nullable(),
});
export const comment = z.object({
  id: z.uuid(),
  roundId: z.uuid(),
  versionId: z.uuid(),
  paragraphKey: z.string(),
  authorName: z.string(),
  mine: z.boolean(),
  body: z.string(),
  status: commentStatus,
  response: z.string().nullable(),
  resolvedAt: z.string().nullable(),
  createdAt: z.string(),
});
export const round = z.object({
  id: z.uuid(),
  versionId: z.uuid(),
  opensAt: z.string(),
  closesAt: z.string(),
  closedAt: z.string().nullable(),
  open: z.boolean(),
});
export const version = versionSummary.extend({
  documentId: z.uuid(),
  updatedAt: z.string(),
  changeSummary: loc,
  basedOn: z.object({ id: z.uuid(), label: z.string() }).nullable(),
  paragraphs: z.array(paragraph),
  /** What changed from the version this one is based on. */
  changes: z.object({
    paragraphs: z.array(z.object({ key: z.string(), change: labelled(['added', 'removed', 'changed'], 'documents:change') })),
    resolvedComments: z.array(comment),
  }),
});
export const documentView = z.object({
  id: z.uuid(),
  kind: documentKind,
  title: loc,
  group: z.object({ id: z.uuid(), slug: z.string(), name: loc }).nullable(),
  versions: z.array(versionSummary),
  current: version,
  rounds: z.array(round),
  publicationId: z.uuid().nullable(),
  you: z.object({ member: z.boolean(), editor: z.boolean(), orgContactOf: z.array(z.object({ id: z.uuid(), name: loc })) }),
});
export const documentSummary = z.object({
  id: z.uuid(),
  kind: documentKind,
  title: loc,
  latest: versionSummary,
  groupId: z.uuid().nullable(),
});
export const diffQuery = z.object({ from: z.uuid(), to: z.uuid(), lang: localeSchema.default('en') });
export const diffResult = z.object({
  from: versionSummary,
  to: versionSummary,
  lang: localeSchema,
  paragraphs: z.array(
    z.object({
      key: z.string(),
      change: labelled(['same', 'changed', 'added', 'removed'], 'documents:change'),
      from: z.string(),
      to: z.string(),
      parts: z.array(z.object({ value: z.string(), added: z.boolean().optional(), removed: z.boolean().optional() })),
    }),
  ),
});

// Endorsements
export const endorseInput = z.object({
  kind: endorsementKind.default('endorse'),
  /** Endorse for this organization (you must be one of its contacts); without it, you endorse as an individual. */
  organizationId: ref('ownOrganization').nullish(),
  countryCode: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .nullish(),
});
export const endorsement = z.object({
  id: z.uuid(),
  kind: endorsementKind,
  organizationId: z.uuid().nullable(),
  name: loc,
  countryCode: z.string().nullable(),
  stakeholderGroup: z.string(),
  createdAt: z.string(),
  mine: z.boolean(),
});
export const endorsementList = z.object({
  items: z.array(endorsement),
  byCountry: z.record(z.string(), z.number()),
  byStakeholderGroup: z.record(z.string(), z.number()),
});

export const submissionInput = z.object({
  process: requiredLocalizedText(500),
  submittedOn: calendarDate,
  partners: z
    .array(
      z.union([
        z.object({ organizationId: ref('organization') }),
        z.object({
          name: requiredLocalizedText(300),
          countryCode: z
            .string()
            .regex(/^[A-Z]{2}$/)
            .nullish(),
        }),
      ]),
    )
    .max(500),
});
export const submission = z.object({
  id: z.uuid(),
  process: loc,
  submittedOn: z.string(),
  partners: z.array(z.object({ organizationId: z.uuid().nullable(), name: loc, countryCode: z.string().nullable() })),
});

export const workspace = z.object({
  group: groupSummary,
  documents: z.array(documentSummary),
  meetings: z.array(meeting),
  threads: z.array(thread),
  you: z.object({ editor: z.boolean() }),
});

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const groupsErrors = {
  slug_taken: 409,
  already_member: 409,
  no_invitation: 409,
  group_closed: 409,
  not_requested: 409,
  version_frozen: 409,
  version_locked: 409,
  edit_conflict: 409,
  draft_exists: 409,
  version_exists: 409,
  not_latest: 409,
  status_move_not_allowed: 409,
  document_empty: 409,
  status_changed: 409,
  round_open: 409,
  round_closed: 409,
  not_final: 409,
  document_published: 409,
  not_published: 409,
} as const;
export type GroupsError = keyof typeof groupsErrors;

/** A group by its id or its slug. */
export const groupParams = z.object({ id: z.string().min(1).max(100) });
const memberParams = groupParams.extend({ memberId: z.uuid() });
const meetingParams = groupParams.extend({ meetingId: z.uuid() });
const threadParams = groupParams.extend({ threadId: z.uuid() });
const versionParams = idParams.extend({ versionId: z.uuid() });
const roundParams = idParams.extend({ roundId: z.uuid() });
const commentParams = idParams.extend({ commentId: z.uuid() });
const endorsementParams = idParams.extend({ endorsementId: z.uuid() });

export const titleInput = z.object({ title: requiredLocalizedText(500) });
export const changeSummaryInput = z.object({ changeSummary: localizedText(5000) });
export const libraryInput = z
  .object({
    abstract: localizedText(10_000).optional(),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(40)).max(30).optional(),
  })
  .default({});

const created = z.object({ id: z.uuid() });
const membership = z.object({ id: z.uuid(), status: memberStatus });
export const threadView = z.object({ id: z.uuid(), title: z.string(), posts: z.array(post) });
/** Files the minutes may be (the platform's document types). */
const minutesTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/zip',
] as const;

/** A place of an organization's person in a working group, as the organization's page lists it. */
export const organizationGroupMember = z.object({
  groupId: z.uuid(),
  slug: z.string(),
  group: loc,
  name: z.string(),
  role: memberRole,
  status: memberStatus,
  since: z.date(),
});

export const groupsApi = endpoints('groups', {
  // Groups: public pages
  list: endpoint({
    method: 'GET',
    path: '/api/v1/groups',
    access: 'public',
    summary: 'Working groups',
    response: { 200: z.array(groupSummary) },
  }),
  get: endpoint({
    method: 'GET',
    path: '/api/v1/groups/:id',
    access: 'public',
    summary: 'A group’s public page: mandate, chairs, member organizations, published outputs',
    params: groupParams,
    response: { 200: publicGroup },
  }),
  create: endpoint({
    method: 'POST',
    path: '/api/v1/groups',
    access: ['secretariat'],
    summary: 'Start a working group',
    body: groupInput,
    response: { 201: groupSummary.omit({ memberCount: true }) },
  }),
  update: endpoint({
    method: 'PUT',
    path: '/api/v1/groups/:id',
    access: 'user',
    summary: 'Update name, mandate, liaison or status (chairs and secretariat)',
    params: groupParams,
    body: groupUpdate,
    response: { 200: created },
  }),

  organizationGroups: endpoint({
    method: 'GET',
    path: '/api/v1/organizations/:id/group-memberships',
    access: ['secretariat'],
    summary: 'The places an organization holds in working groups (its representatives), every status',
    params: idParams,
    response: { 200: z.array(organizationGroupMember) },
  }),

  // Members
  members: endpoint({
    method: 'GET',
    path: '/api/v1/groups/:id/members',
    access: 'user',
    summary: 'Members (chairs also see invitations and requests)',
    params: groupParams,
    response: { 200: z.array(memberRow) },
  }),
  invite: endpoint({
    method: 'POST',
    path: '/api/v1/groups/:id/invitations',
    access: 'user',
    summary: 'Invite a person (by e-mail) to the group',
    params: groupParams,
    body: inviteInput,
    response: { 201: membership },
  }),
  answerInvitation: endpoint({
    method: 'POST',
    path: '/api/v1/groups/:id/invitation/:answer',
    access: 'user',
    summary: 'Accept or decline your invitation',
    params: groupParams.extend({ answer: labelled(['accept', 'decline'], 'groups:answer') }),
    response: { 200: membership },
  }),
  requestToJoin: endpoint({
    method: 'POST',
    path: '/api/v1/groups/:id/requests',
    access: 'user',
    summary: 'Ask to join the group; the chair decides',
    params: groupParams,
    body: joinRequestInput,
    response: { 201: membership },
  }),
  decideRequest: endpoint({
    method: 'POST',
    path: '/api/v1/groups/:id/members/:memberId/:decision',
    access: 'user',
    summary: 'Approve or decline a request to join',
    params: memberParams.extend({ decision: labelled(['approve', 'decline'], 'groups:decision') }),
    response: { 200: membership },
  }),
  setRole: endpoint({
    method: 'PUT',
    path: '/api/v1/groups/:id/members/:memberId/role',
    access: 'user',
    summary: 'Make a member chair, co-chair or member',
    params: memberParams,
    body: roleInput,
    response: { 200: z.object({ id: z.uuid(), role: memberRole }) },
  }),
  removeMember: endpoint({
    method: 'DELETE',
    path: '/api/v1/groups/:id/members/:memberId',
    access: 'user',
    summary: 'Remove a member, or leave',
    params: memberParams,
    response: { 200: okSchema },
  }),

  // Workspace
  workspace: endpoint({
    method: 'GET',
    path: '/api/v1/groups/:id/workspace',
    access: 'user',
    summary: 'The members’ workspace: documents (drafts too), meetings, discussion',
    params: groupParams,
    response: { 200: workspace },
  }),
  createMeeting: endpoint({
    method: 'POST',
    path: '/api/v1/groups/:id/meetings',
    access: 'user',
    summary: 'Plan a meeting',
    params: groupParams,
    body: meetingInput,
    response: { 201: meeting },
  }),
  updateMeeting: endpoint({
    method: 'PUT',
    path: '/api/v1/groups/:id/meetings/:meetingId',
    access: 'user',
    summary: 'Change a meeting',
    params: meetingParams,
    body: meetingInput,
    response: { 200: meeting },
  }),
  uploadMinutes: endpoint({
    method: 'PUT',
    path: '/api/v1/groups/:id/meetings/:meetingId/minutes',
    access: 'user',
    summary: 'Attach the minutes as a file (PDF, DOCX), multipart field "file"',
    params: meetingParams,
    upload: true,
    response: { 200: z.object({ fileId: z.uuid() }) },
  }),
  minutes: endpoint({
    method: 'GET',
    path: '/api/v1/groups/:id/meetings/:meetingId/minutes',
    access: 'user',
    summary: 'Download the minutes (members)',
    params: meetingParams,
    response: { 200: binary },
    produces: minutesTypes,
  }),
  createThread: endpoint({
    method: 'POST',
    path: '/api/v1/groups/:id/threads',
    access: 'user',
    summary: 'Start a discussion',
    params: groupParams,
    body: threadInput,
    response: { 201: created },
  }),
  thread: endpoint({
    method: 'GET',
    path: '/api/v1/groups/:id/threads/:threadId',
    access: 'user',
    summary: 'A discussion and its posts',
    params: threadParams,
    response: { 200: threadView },
  }),
  addPost: endpoint({
    method: 'POST',
    path: '/api/v1/groups/:id/threads/:threadId/posts',
    access: 'user',
    summary: 'Answer in a discussion',
    params: threadParams,
    body: postInput,
    response: { 201: created },
  }),

  // Documents
  createGroupDocument: endpoint({
    method: 'POST',
    path: '/api/v1/groups/:id/documents',
    access: 'user',
    summary: 'Start a document (version 1, a draft)',
    params: groupParams,
    body: documentInput,
    response: { 201: documentView },
  }),
  createDocument: endpoint({
    method: 'POST',
    path: '/api/v1/documents',
    access: ['secretariat'],
    summary: 'Start a document of the organization itself (no group)',
    body: documentInput,
    response: { 201: documentView },
  }),
  document: endpoint({
    method: 'GET',
    path: '/api/v1/documents/:id',
    access: 'public',
    summary: 'A document at its latest version you may see (the public sees final and published versions)',
    params: idParams,
    response: { 200: documentView },
  }),
  documentVersion: endpoint({
    method: 'GET',
    path: '/api/v1/documents/:id/versions/:versionId',
    access: 'public',
    summary: 'A document at one version',
    params: versionParams,
    response: { 200: documentView },
  }),
  setTitle: endpoint({
    method: 'PUT',
    path: '/api/v1/documents/:id/title',
    access: 'user',
    summary: 'Rename a document',
    params: idParams,
    body: titleInput,
    response: { 200: okSchema },
  }),
  setText: endpoint({
    method: 'PUT',
    path: '/api/v1/documents/:id/versions/:versionId/text',
    access: 'user',
    summary: 'Replace the paragraphs of a draft (editors)',
    params: versionParams,
    body: versionTextInput,
    response: { 200: documentView },
  }),
  setChangeSummary: endpoint({
    method: 'PUT',
    path: '/api/v1/documents/:id/versions/:versionId/summary',
    access: 'user',
    summary: 'What changed in this version, in words',
    params: versionParams,
    body: changeSummaryInput,
    response: { 200: okSchema },
  }),
  newVersion: endpoint({
    method: 'POST',
    path: '/api/v1/documents/:id/versions',
    access: 'user',
    summary: 'Make the next version from the latest one',
    params: idParams,
    body: newVersionInput,
    response: { 201: documentView },
  }),
  setStatus: endpoint({
    method: 'PUT',
    path: '/api/v1/documents/:id/versions/:versionId/status',
    access: 'user',
    summary: 'draft → consultation → final → published',
    params: versionParams,
    body: statusInput,
    response: { 200: documentView },
  }),
  diff: endpoint({
    method: 'GET',
    path: '/api/v1/documents/:id/diff',
    access: 'public',
    summary: 'Compare two versions paragraph by paragraph in one language',
    params: idParams,
    query: diffQuery,
    response: { 200: diffResult },
  }),
  openRound: endpoint({
    method: 'POST',
    path: '/api/v1/documents/:id/rounds',
    access: 'user',
    summary: 'Open a comment round on the latest version',
    params: idParams,
    body: roundInput,
    response: { 201: round },
  }),
  closeRound: endpoint({
    method: 'POST',
    path: '/api/v1/documents/:id/rounds/:roundId/close',
    access: 'user',
    summary: 'Close a comment round',
    params: roundParams,
    response: { 200: okSchema },
  }),
  comments: endpoint({
    method: 'GET',
    path: '/api/v1/documents/:id/versions/:versionId/comments',
    access: 'user',
    summary: 'Comments on a version (group only)',
    params: versionParams,
    response: { 200: z.array(comment) },
  }),
  addComment: endpoint({
    method: 'POST',
    path: '/api/v1/documents/:id/comments',
    access: 'user',
    summary: 'Comment on a paragraph of the latest version while a round is open',
    params: idParams,
    body: commentInput,
    response: { 201: comment },
  }),
  resolveComment: endpoint({
    method: 'PUT',
    path: '/api/v1/documents/:id/comments/:commentId',
    access: 'user',
    summary: 'Mark a comment accepted, declined (with reason) or answered',
    params: commentParams,
    body: resolveInput,
    response: { 200: okSchema },
  }),

  // Endorsements and joint submissions
  endorsements: endpoint({
    method: 'GET',
    path: '/api/v1/documents/:id/endorsements',
    access: 'public',
    summary: 'Endorsers, with counts by country and stakeholder group',
    params: idParams,
    response: { 200: endorsementList },
  }),
  endorse: endpoint({
    method: 'POST',
    path: '/api/v1/documents/:id/endorsements',
    access: 'user',
    summary: 'Endorse or co-sign a final document, for an organization you are a contact of, or as yourself',
    params: idParams,
    body: endorseInput,
    response: { 201: z.object({ id: z.uuid(), status: labelled(['active', 'withdrawn'], 'documents:endorsementStatus') }) },
  }),
  withdrawEndorsement: endpoint({
    method: 'DELETE',
    path: '/api/v1/documents/:id/endorsements/:endorsementId',
    access: 'user',
    summary: 'Withdraw an endorsement (until the document is published)',
    params: endorsementParams,
    response: { 200: okSchema },
  }),
  submissions: endpoint({
    method: 'GET',
    path: '/api/v1/documents/:id/submissions',
    access: 'public',
    summary: 'Joint submissions to outside processes',
    params: idParams,
    response: { 200: z.array(submission) },
  }),
  addSubmission: endpoint({
    method: 'POST',
    path: '/api/v1/documents/:id/submissions',
    access: 'user',
    summary: 'Record a joint submission and its partners',
    params: idParams,
    body: submissionInput,
    response: { 201: created },
  }),
  addToLibrary: endpoint({
    method: 'POST',
    path: '/api/v1/documents/:id/library',
    access: 'user',
    summary: 'Put the published version into the library (one action; twice is once)',
    params: idParams,
    body: libraryInput,
    response: { 200: z.object({ publicationId: z.uuid() }), 201: z.object({ publicationId: z.uuid() }) },
  }),
});

/** The groups' and their documents' pages. */
export const groupsPages = {
  groups: publicPage('/groups'),
  group: publicPage('/groups/:slug'),
  workspace: publicPage('/groups/:slug/workspace'),
  document: publicPage('/documents/:id'),
  adminGroups: staffPage('/groups'),
};
