import type { WebFeature } from '../../../web/feature';
import { AccountPage } from './AccountPage';
import { ForgotPasswordPage } from './ForgotPasswordPage';
import { accountsTexts } from './i18n';
import { ResetPasswordPage } from './ResetPasswordPage';
import { SignInPage } from './SignInPage';
import { SignUpPage } from './SignUpPage';
import { TokenSignInPage } from './TokenSignInPage';
import { UsersPage } from './UsersPage';

export const accountsWeb: WebFeature = {
  name: 'accounts',
  i18n: accountsTexts,
  openRoutes: [
    { path: '/signin', element: <SignInPage /> },
    { path: '/signup', element: <SignUpPage /> },
    { path: '/forgot-password', element: <ForgotPasswordPage /> },
    { path: '/auth/verify', element: <TokenSignInPage kind="verify" /> },
    { path: '/auth/link', element: <TokenSignInPage kind="link" /> },
    { path: '/auth/reset', element: <ResetPasswordPage /> },
  ],
  appRoutes: [{ path: '/account', element: <AccountPage /> }],
  adminRoutes: [{ path: 'users', element: <UsersPage /> }],
  adminNav: [{ to: '/admin/users', label: 'nav.users', roles: ['secretariat'] }],
};
