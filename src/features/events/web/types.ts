import type { Reply } from '../../../platform/http/contract';
import type { eventsApi } from '../contract';

/** An event as the API answers it. */
export type EventT = Reply<typeof eventsApi.get>;
export type Agenda = Reply<typeof eventsApi.agenda>;
export type SessionT = Agenda['sessions'][number];
