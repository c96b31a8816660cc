import { urlOf } from '../../../platform/http/contract';
import { reviewApi } from '../contract';

/** Where a reader of an entry (staff, its applicant, its assigned reviewers) downloads one of its files. */
export const submissionFileUrl = (submissionId: string, fileId: string) =>
  urlOf(reviewApi.submissionFile, { params: { id: submissionId, fileId } });
