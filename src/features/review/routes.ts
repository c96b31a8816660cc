import { z } from 'zod';
import { ref } from '../../platform/http/ref.js';
import { isStaff, requireActor } from '../../platform/auth/access.js';
import { notFound } from '../../platform/http/errors.js';
import type { App, Ctx } from '../../platform/http/types.js';
import { idParams } from '../../platform/http/types.js';
import { localizedText } from '../../platform/i18n/index.js';
import { getSubmission } from '../calls/service.js';
import { reviewAccess as can } from './policy.js';
import * as svc from './service.js';

const tags = ['review'];
const roundQuery = z.object({ round: z.coerce.number().int().min(1).max(10).default(1) });
const criterion = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,39}$/),
  label: localizedText(200),
  guidance: localizedText(2000).optional(),
  weight: z.number().positive().max(100),
});
const rubricInput = z.object({
  criteria: z.array(criterion).min(1).max(20),
  scaleMin: z.number().int().min(0).max(10).default(1),
  scaleMax: z.number().int().min(1).max(100).default(10),
  guidance: localizedText(5000).default({}),
});

export function reviewRoutes(app: App, ctx: Ctx) {
  const { db, config } = ctx;
  const callParams = idParams;

  // Staff
  app.get(
    '/api/v1/review/calls/:id/rubrics/:round',
    { config: { access: can.staff }, schema: { tags, params: z.object({ id: z.uuid(), round: z.coerce.number().int().min(1).max(10) }) } },
    async (req) => svc.getRubric(db, req.params.id, req.params.round),
  );
  app.put(
    '/api/v1/review/calls/:id/rubrics/:round',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Set the rubric of a round: weighted criteria, scale, guidance',
        params: z.object({ id: z.uuid(), round: z.coerce.number().int().min(1).max(10) }),
        body: rubricInput,
      },
    },
    async (req) => svc.setRubric(db, requireActor(req), req.params.id, req.params.round, req.body),
  );
  app.get(
    '/api/v1/review/calls/:id/reviewers',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'The reviewer pool (panel) per round',
        params: callParams,
        querystring: z.object({ round: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (req) => svc.listPool(db, req.params.id, req.query.round),
  );
  app.post(
    '/api/v1/review/calls/:id/reviewers',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Invite directory people to the panel of a round',
        params: callParams,
        body: z.object({
          round: z.number().int().min(1).max(10).default(1),
          reviewers: z
            .array(
              z.object({
                personId: ref('person'),
                expertise: z.array(z.string().trim().min(1).max(60)).max(30).default([]),
                capacity: z.number().int().min(0).max(10_000).default(10),
              }),
            )
            .min(1)
            .max(500),
        }),
      },
    },
    async (req, reply) =>
      reply.code(201).send(await svc.invite(db, requireActor(req), req.params.id, req.body.round, req.body.reviewers, config.publicUrl)),
  );
  app.delete(
    '/api/v1/review/calls/:id/reviewers/:reviewerId',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Take a reviewer off the panel (refused once they have submitted a review)',
        params: callParams.extend({ reviewerId: z.uuid() }),
        response: { 200: z.object({ ok: z.literal(true) }) },
      },
    },
    async (req) => svc.removeReviewer(db, requireActor(req), req.params.id, req.params.reviewerId),
  );
  app.post(
    '/api/v1/review/calls/:id/pairs',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Pin or forbid a reviewer–submission pair (kept on every re-run), or clear it',
        params: callParams,
        body: z.object({ submissionId: ref('submission'), reviewerId: ref('reviewer'), action: z.enum(['pin', 'forbid', 'clear']) }),
      },
    },
    async (req) => svc.setPair(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/review/calls/:id/assign',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Run the optimal assignment for a round (k per submission, load limits, conflicts, pins)',
        params: callParams,
        body: z.object({ round: z.number().int().min(1).max(10).default(1) }),
      },
    },
    async (req) => svc.assign(db, requireActor(req), req.params.id, req.body.round),
  );
  app.get(
    '/api/v1/review/calls/:id/assignments',
    { config: { access: can.staff }, schema: { tags, params: callParams, querystring: roundQuery } },
    async (req) => svc.listAssignments(db, req.params.id, req.query.round),
  );
  app.get(
    '/api/v1/review/calls/:id/progress',
    {
      config: { access: can.staff },
      schema: { tags, summary: 'Progress per reviewer and per submission', params: callParams, querystring: roundQuery },
    },
    async (req) => svc.progress(db, req.params.id, req.query.round),
  );
  app.get(
    '/api/v1/review/calls/:id/ranking',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Raw and normalized (z-score per reviewer) scores with spread, best first',
        params: callParams,
        querystring: roundQuery,
      },
    },
    async (req) => svc.ranking(db, req.params.id, req.query.round),
  );
  app.post(
    '/api/v1/review/calls/:id/selection-preview',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Top N with a cap per country and a minimum per continent, beside the pure ranking',
        params: callParams,
        body: z.object({
          round: z.number().int().min(1).default(1),
          n: z.number().int().min(1).max(1000),
          capPerCountry: z.number().int().min(1).optional(),
          minPerContinent: z.record(z.string(), z.number().int().min(0)).optional(),
        }),
      },
    },
    async (req) => svc.selectionPreview(db, req.params.id, req.body.round, req.body),
  );
  app.post(
    '/api/v1/review/calls/:id/advance',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Advance the top N or all above a threshold to the next round',
        params: callParams,
        body: z.object({
          fromRound: z.number().int().min(1),
          topN: z.number().int().min(1).optional(),
          threshold: z.number().optional(),
          by: z.enum(['normalized', 'raw']).default('normalized'),
        }),
      },
    },
    async (req) => svc.advance(db, requireActor(req), req.params.id, req.body),
  );
  app.post(
    '/api/v1/review/calls/:id/decisions',
    {
      config: { access: can.staff },
      schema: {
        tags,
        summary: 'Record decisions; with notify, mail each applicant in their language',
        params: callParams,
        body: z.object({
          decisions: z
            .array(z.object({ submissionId: ref('submission'), decision: z.enum(['selected', 'shortlisted', 'not_selected']) }))
            .min(1)
            .max(5000),
          notify: z.boolean().default(true),
        }),
      },
    },
    async (req) => svc.decide(db, requireActor(req), req.params.id, req.body, config.publicUrl),
  );
  app.post(
    '/api/v1/review/calls/:id/reminders',
    { config: { access: can.staff }, schema: { tags, summary: 'Remind reviewers with unsubmitted reviews now', params: callParams } },
    async (req) => ({ sent: await svc.sendReminders(db, config.publicUrl, req.params.id) }),
  );
  app.get(
    '/api/v1/review/submissions/:id/reviews',
    { config: { access: can.staff }, schema: { tags, summary: 'All reviews of a submission, every round', params: idParams } },
    async (req) => svc.submissionReviews(db, req.params.id),
  );

  // Committee discussion: staff and the submission's assigned, non-conflicted reviewers.
  const mayDiscuss = async (req: { actor: Parameters<typeof isStaff>[0] }, id: string) => {
    const actor = req.actor!;
    if (isStaff(actor)) return getSubmission(db, id);
    if (!(await svc.reviewerAccess(db, actor, id))) throw notFound();
  };
  app.get(
    '/api/v1/review/submissions/:id/discussion',
    { config: { access: can.reviewer }, schema: { tags, params: idParams } },
    async (req) => {
      await mayDiscuss(req, req.params.id);
      return svc.listDiscussion(db, req.params.id);
    },
  );
  app.post(
    '/api/v1/review/submissions/:id/discussion',
    {
      config: { access: can.reviewer },
      schema: { tags, params: idParams, body: z.object({ body: z.string().trim().min(1).max(10_000) }) },
    },
    async (req, reply) => {
      await mayDiscuss(req, req.params.id);
      return reply.code(201).send(await svc.postDiscussion(db, requireActor(req), req.params.id, req.body.body));
    },
  );

  // Reviewers
  app.get(
    '/api/v1/review/invitations',
    { config: { access: can.reviewer }, schema: { tags, summary: 'My invitations to review panels' } },
    async (req) => svc.myInvitations(db, requireActor(req)),
  );
  app.post(
    '/api/v1/review/invitations/:id/respond',
    { config: { access: can.reviewer }, schema: { tags, params: idParams, body: z.object({ accept: z.boolean() }) } },
    async (req) => {
      const r = await svc.respond(db, requireActor(req), req.params.id, req.body.accept);
      return { id: r.id, status: r.status };
    },
  );
  app.get(
    '/api/v1/review/invitations/:id/submissions',
    { config: { access: can.reviewer }, schema: { tags, summary: 'Titles of the call’s entries, to declare conflicts', params: idParams } },
    async (req) => svc.titlesForConflicts(db, requireActor(req), req.params.id),
  );
  app.post(
    '/api/v1/review/invitations/:id/conflicts',
    {
      config: { access: can.reviewer },
      schema: {
        tags,
        summary: 'Declare a conflict of interest with an entry',
        params: idParams,
        body: z.object({ submissionId: ref('submission'), reason: z.string().trim().max(500).default('') }),
      },
    },
    async (req) => svc.declareConflict(db, requireActor(req), req.params.id, req.body.submissionId, req.body.reason),
  );
  app.get(
    '/api/v1/review/assignments',
    { config: { access: can.reviewer }, schema: { tags, summary: 'My assigned entries (conflicted ones never appear)' } },
    async (req) => svc.myAssignments(db, requireActor(req)),
  );
  app.get(
    '/api/v1/review/submissions/:id',
    { config: { access: can.reviewer }, schema: { tags, summary: 'An assigned entry with the rubric and my review', params: idParams } },
    async (req) => svc.reviewerView(db, requireActor(req), req.params.id),
  );
  app.put(
    '/api/v1/review/submissions/:id/review',
    {
      config: { access: can.reviewer },
      schema: {
        tags,
        summary: 'Save my review as a draft, or submit it',
        params: idParams,
        body: z.object({
          scores: z.record(z.string(), z.number()).default({}),
          commentCommittee: z.string().max(20_000).default(''),
          commentApplicant: z.string().max(20_000).default(''),
          submit: z.boolean().default(false),
        }),
      },
    },
    async (req) => svc.saveReview(db, requireActor(req), req.params.id, req.body),
  );
}
