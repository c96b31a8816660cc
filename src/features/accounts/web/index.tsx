import { accountsPages } from '../contract';
import { at, type WebFeature } from '../../../web/feature';
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
