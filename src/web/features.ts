import type { WebFeature } from './feature';
import { accountsWeb } from '../features/accounts/web';
import { adminWeb } from '../features/admin/web';
import { callsWeb } from '../features/calls/web';
import { directoryWeb } from '../features/directory/web';
import { eventsOrganizationSection, eventsWeb } from '../features/events/web';
import { documentsWeb, groupsOrganizationSection, groupsWeb } from '../features/groups/web';
import { libraryWeb } from '../features/library/web';
import { membershipOrganizationSection, membershipWeb } from '../features/membership/web';
import { portalWeb } from '../features/portal/web';
import { reviewCallAdditions, reviewWeb } from '../features/review/web';
import { showcaseWeb } from '../features/showcase/web';

/** Every feature's web part. Add yours here (one line). */
export const webFeatures: WebFeature[] = [
  accountsWeb,
  adminWeb,
  // An organization's page shows what other features hold about it; the directory imports none of them.
  directoryWeb({ organizationSections: [membershipOrganizationSection, eventsOrganizationSection, groupsOrganizationSection] }),
  membershipWeb,
  eventsWeb,
  // The calls' pages show what the review adds to them; the calls never import the review.
  callsWeb(reviewCallAdditions),
  reviewWeb,
  showcaseWeb,
  groupsWeb,
  documentsWeb,
  libraryWeb,
  portalWeb,
];
