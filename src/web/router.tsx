import { createBrowserRouter, Navigate, Outlet, useParams, type RouteObject } from 'react-router';
import { useEffect } from 'react';
import { webFeatures } from './features';
import { localeOfPrefix, prefixOf, setLocale, initialLocale } from './i18n';
import { AdminLayout, PublicLayout } from './layouts';
import { AdminHomePage, AuditPage, OutboxPage, UsersPage } from './pages/admin';
import { ForgotPasswordPage, ResetPasswordPage, SignInPage, SignUpPage, TokenSignInPage } from './pages/auth';
import { AccountPage, HomePage, NotFoundPage } from './pages/misc';
import { RequireAuth } from './session';

/** /:lang/…: the language comes from the URL, so a shared link opens in the right language. */
function LanguageRoute() {
  const { lang } = useParams();
  const locale = localeOfPrefix(lang);
  useEffect(() => {
    if (locale) void setLocale(locale);
  }, [locale]);
  if (!locale) return <NotFoundPage />;
  return <Outlet />;
}

const signedIn = (routes: RouteObject[]): RouteObject[] => routes.map((r) => ({ ...r, element: <RequireAuth>{r.element}</RequireAuth> }));

const publicRoutes = webFeatures.flatMap((f) => f.publicRoutes ?? []);

export const router = createBrowserRouter([
  { path: '/', element: <Navigate to={`/${prefixOf[initialLocale()]}/`} replace /> },
  {
    element: <PublicLayout />,
    children: [
      {
        path: '/:lang',
        element: <LanguageRoute />,
        // A feature may provide the home page (the portal does); the shell's is the fallback.
        children: [...(publicRoutes.some((r) => r.index) ? [] : [{ index: true, element: <HomePage /> }]), ...publicRoutes],
      },
      { path: '/signin', element: <SignInPage /> },
      { path: '/signup', element: <SignUpPage /> },
      { path: '/forgot-password', element: <ForgotPasswordPage /> },
      { path: '/auth/verify', element: <TokenSignInPage kind="verify" /> },
      { path: '/auth/link', element: <TokenSignInPage kind="link" /> },
      { path: '/auth/reset', element: <ResetPasswordPage /> },
      { path: '/account', element: <AccountPage /> },
      ...signedIn(webFeatures.flatMap((f) => f.appRoutes ?? [])),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
  {
    path: '/admin',
    element: <AdminLayout />,
    children: [
      { index: true, element: <AdminHomePage /> },
      { path: 'users', element: <UsersPage /> },
      { path: 'outbox', element: <OutboxPage /> },
      { path: 'audit', element: <AuditPage /> },
      ...webFeatures.flatMap((f) => f.adminRoutes ?? []),
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
