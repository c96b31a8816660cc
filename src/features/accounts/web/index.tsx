import { accountsPages } from '../contract';
import { at, lazyNamed, type WebFeature } from '../../../web/feature';
import { accountsTexts } from './i18n';

const AccountPage = lazyNamed(() => import('./AccountPage'), 'AccountPage');
const ForgotPasswordPage = lazyNamed(() => import('./ForgotPasswordPage'), 'ForgotPasswordPage');
const ResetPasswordPage = lazyNamed(() => import('./ResetPasswordPage'), 'ResetPasswordPage');
const SignInPage = lazyNamed(() => import('./SignInPage'), 'SignInPage');
const SignUpPage = lazyNamed(() => import('./SignUpPage'), 'SignUpPage');
const TokenSignInPage = lazyNamed(() => import('./TokenSignInPage'), 'TokenSignInPage');
const UsersPage = lazyNamed(() => import('./UsersPage'), 'UsersPage');

export const accountsWeb: WebFeature = {
  name: 'accounts',
  i18n: accountsTexts,
  pages: [
    at(accountsPages.signIn, <SignInPage />),
    at(accountsPages.signUp, <SignUpPage />),
    at(accountsPages.forgotPassword, <ForgotPasswordPage />),
    at(accountsPages.verify, <TokenSignInPage kind="verify" />),
    at(accountsPages.signInLink, <TokenSignInPage kind="link" />),
    at(accountsPages.reset, <ResetPasswordPage />),
    at(accountsPages.account, <AccountPage />),
    at(accountsPages.users, <UsersPage />),
  ],
  adminNav: [{ page: accountsPages.users, label: 'nav.users', roles: ['secretariat'] }],
};
