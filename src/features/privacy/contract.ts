import { z } from 'zod';
import { binary, endpoint, endpoints, idParams, okSchema } from '../../platform/http/contract.js';

/** Download-my-data and erasure, across every feature. An export is a JSON file: each feature adds its own section. */
export const privacyApi = endpoints('privacy', {
  myData: endpoint({
    method: 'GET',
    path: '/api/v1/me/data',
    access: 'user',
    summary: 'Download everything held about me (JSON)',
    produces: ['application/json'],
    response: { 200: binary },
  }),
  personData: endpoint({
    method: 'GET',
    path: '/api/v1/admin/people/:id/data',
    access: ['secretariat'],
    summary: "A person's data, for a subject-access request (JSON)",
    params: idParams,
    produces: ['application/json'],
    response: { 200: binary },
  }),
  erase: endpoint({
    method: 'POST',
    path: '/api/v1/admin/people/:id/erase',
    access: ['admin'],
    summary: 'Erase a person: personal fields removed or pseudonymized, aggregate figures kept',
    params: idParams,
    body: z.object({ confirm: z.literal(true) }),
    response: { 200: okSchema },
  }),
});
