import { query } from '../../../web/api';
import { callsApi } from '../contract';

/** One call, as the caller may see it (shared by the call's pages). */
export const callQuery = (id: string | undefined) => ({ ...query(callsApi.get, { params: { id: id ?? '' } }), enabled: !!id });
