import { Menu, Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import { accountsApi } from '../../features/accounts/contract';
import { call } from '../api';
import { localeOfPrefix, locales, prefixOf, setLocale, useLocale, type Locale } from '../i18n';
import { useMe } from '../session';

/** Switches the language; on public pages it moves to the same page under the other language's prefix. */
export function LanguageSwitcher() {
  const { t } = useTranslation();
  const locale = useLocale();
  const location = useLocation();
  const navigate = useNavigate();
  const { data: me } = useMe();
  const choose = async (l: Locale) => {
    await setLocale(l);
    const [, first, ...rest] = location.pathname.split('/');
    if (localeOfPrefix(first)) navigate(`/${prefixOf[l]}/${rest.join('/')}${location.search}`, { replace: true });
    if (me?.user) void call(accountsApi.updateProfile, { body: { locale: l } }).catch(() => {});
  };
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <Button
          variant="subtle"
          size="compact-sm"
          aria-label={`${t(`locales.${locale}`)} – ${t('language')}`}
          data-testid="language-switcher"
        >
          {t(`locales.${locale}`)}
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {locales.map((l) => (
          <Menu.Item key={l} lang={l} onClick={() => void choose(l)} aria-current={l === locale ? 'true' : undefined}>
            {t(`locales.${l}`)}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}
