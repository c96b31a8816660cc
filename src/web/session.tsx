import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Center, Loader } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { accountsApi, accountsPages } from '../features/accounts/contract';
import type { Reply } from '../platform/http/contract';
import { invalidate, query, setCsrfToken } from './api';
import { useTo } from './links';

/** The signed-in account (user is null for a visitor) and the CSRF token of its session. */
export type Me = Reply<typeof accountsApi.me>;

export function useMe() {
  const me = query(accountsApi.me);
  return useQuery({
    ...me,
    queryFn: async () => {
      const answer = await me.queryFn();
      setCsrfToken(answer.csrfToken);
      return answer;
    },
    staleTime: 60_000,
  });
}

export function useRefreshMe() {
  const qc = useQueryClient();
  return () => invalidate(qc, accountsApi.me);
}

export const hasRole = (me: Me | undefined, ...roles: string[]) =>
  !!me?.user && (me.user.roles.includes('admin') || me.user.roles.some((r) => roles.includes(r)));
export const isStaff = (me: Me | undefined) => hasRole(me, 'secretariat');
export const hasScope = (me: Me | undefined, role: string, scopeType?: string, scopeId?: string) =>
  !!me?.user?.scopes.some((s) => s.role === role && (!scopeType || s.scopeType === scopeType) && (!scopeId || s.scopeId === scopeId));

/** Whether the account holds one of the global roles or one of the scoped roles (either list may be absent). */
export const holdsAny = (me: Me | undefined, roles?: string[], scopes?: string[]) =>
  (!!roles && hasRole(me, ...roles)) || (!!scopes && scopes.some((s) => hasScope(me, s)));

/** Shows children only to a signed-in account (with one of the roles or scoped roles, when given); otherwise sends to sign-in. */
export function RequireAuth({ roles, scopes, children }: { roles?: string[]; scopes?: string[]; children: ReactNode }) {
  const { data, isLoading, isFetching } = useMe();
  const location = useLocation();
  const to = useTo();
  // A stale "not signed in" while the answer is being fetched again (just after signing in) is not a reason to leave.
  if (isLoading || (isFetching && !data?.user))
    return (
      <Center py="xl">
        <Loader aria-label="loading" />
      </Center>
    );
  if (!data?.user)
    return <Navigate to={`${to(accountsPages.signIn)}?next=${encodeURIComponent(location.pathname + location.search)}`} replace />;
  if ((roles || scopes) && !holdsAny(data, roles, scopes)) return <Navigate to={to(accountsPages.account)} replace />;
  return <>{children}</>;
}
