import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { setCsrfToken } from '../../../web/api';
import { useTo } from '../../../web/links';
import { portalPages } from '../../portal/contract';
import type { accountsApi } from '../contract';

/** Only a path on this site, so a link cannot send someone elsewhere. */
export const safeNext = (n: string | null | undefined) => (n?.startsWith('/') && !n.startsWith('//') ? n : null);

/** After signing in: keep the session's CSRF token, forget what the cache knew, continue where the person was going. */
export function useSignedIn() {
  const qc = useQueryClient();
  const navigate = useNavigate();
  const to = useTo();
  return async (r: Reply<typeof accountsApi.login>, next?: string | null) => {
    setCsrfToken(r.csrfToken);
    // Whoever the cache knew (nobody) is gone: drop every answer and fetch again as the new account.
    await qc.resetQueries();
    navigate(safeNext(r.next ?? next) ?? to(portalPages.home), { replace: true });
  };
}
