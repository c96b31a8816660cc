import {
  Anchor,
  AppShell,
  Burger,
  Button,
  Container,
  Group,
  Loader,
  Menu,
  NavLink,
  ScrollArea,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { Suspense } from 'react';
import { pagePath } from '../platform/http/links';
import { adminPages } from '../features/admin/contract';
import { portalPages } from '../features/portal/contract';
import { useDisclosure } from '@mantine/hooks';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { accountsApi, accountsPages } from '../features/accounts/contract';
import { call } from './api';
import { LanguageSwitcher } from './components/LanguageSwitcher';
import { webFeatures } from './features';
import { useTo } from './links';
import { holdsAny, RequireAuth, useMe } from './session';
import type { NavItem } from './feature';
import { staffAreaRoles as areaRoles, staffAreaScopes as areaScopes } from '../platform/auth/roles';

function Brand() {
  const { t } = useTranslation();
  const to = useTo();
  return (
    <Anchor component={Link} to={to(portalPages.home)} underline="never" c="inherit" aria-label={t('orgName')}>
      <Group gap={8} wrap="nowrap">
        <img src="/favicon.svg" alt="" width={28} height={28} />
        <Text fw={700} size="lg" visibleFrom="xs">
          {t('orgName')}
        </Text>
      </Group>
    </Anchor>
  );
}

function AccountMenu() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const qc = useQueryClient();
  const navigate = useNavigate();
  const to = useTo();
  if (!me?.user)
    return (
      <Button component={Link} to={to(accountsPages.signIn)} size="compact-sm" variant="light">
        {t('nav.signIn')}
      </Button>
    );
  const accountItems = webFeatures.flatMap((f) => f.accountNav ?? []);
  return (
    <Menu position="bottom-end">
      <Menu.Target>
        <UnstyledButton aria-label={`${me.user.name} – ${t('nav.account')}`} data-testid="account-menu">
          <Text size="sm" fw={500}>
            {me.user.name}
          </Text>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item component={Link} to={to(accountsPages.account)}>
          {t('nav.account')}
        </Menu.Item>
        {accountItems.map((i) => (
          <Menu.Item key={pagePath(i.page)} component={Link} to={to(i.page)}>
            {t(i.label)}
          </Menu.Item>
        ))}
        {holdsAny(me, staffAreaRoles, staffAreaScopes) ? (
          <Menu.Item component={Link} to={to(adminPages.home)}>
            {t('nav.admin')}
          </Menu.Item>
        ) : null}
        <Menu.Divider />
        <Menu.Item
          onClick={async () => {
            await call(accountsApi.logout);
            await qc.resetQueries(); // nothing of the account stays in the cache
            navigate(to(portalPages.home));
          }}
        >
          {t('nav.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

const shellPublicNav: NavItem[] = [];

/** The public site: header with navigation, language and account; content in a container. */
export function PublicLayout() {
  const { t } = useTranslation();
  const to = useTo();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const items = [...shellPublicNav, ...webFeatures.flatMap((f) => f.publicNav ?? [])];
  const links = items.map((i) => (
    <Anchor
      key={pagePath(i.page)}
      component={RouterNavLink}
      to={to(i.page)}
      onClick={close}
      size="sm"
      c="inherit"
      fw={500}
      underline="hover"
    >
      {t(i.label)}
    </Anchor>
  ));
  return (
    <AppShell header={{ height: 60 }} navbar={{ width: 260, breakpoint: 'md', collapsed: { desktop: true, mobile: !opened } }} padding="md">
      <a href="#main" className="skip-link">
        {t('skip')}
      </a>
      <AppShell.Header>
        <Container size="xl" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap">
            <Group wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="md" size="sm" aria-label={t('nav.menu')} />
              <Brand />
            </Group>
            <Group gap="lg" visibleFrom="md" component="nav" aria-label={t('nav.menu')}>
              {links}
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitcher />
              <AccountMenu />
            </Group>
          </Group>
        </Container>
      </AppShell.Header>
      <AppShell.Navbar p="md" hiddenFrom="md">
        <Stack component="nav" aria-label={t('nav.menu')}>
          {links}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" key={location.pathname.split('/')[1]}>
        <Container size="xl">
          <PageOutlet />
        </Container>
      </AppShell.Main>
    </AppShell>
  );
}

/** Who may enter the staff area: staff, reviewers, and the managers of an event (for their events); the server's rule too. */
const staffAreaRoles = [...areaRoles];
const staffAreaScopes = [...areaScopes];

const shellAdminNav: NavItem[] = [{ page: adminPages.home, label: 'nav.dashboard' }];

/** The page of the address, shown once its code has loaded (each page is loaded the first time it opens). */
function PageOutlet() {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<Loader aria-label={t('common.loading')} my="xl" />}>
      <Outlet />
    </Suspense>
  );
}

/** The staff area: a navigation bar (a drawer on phones) and the page. */
export function AdminLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const to = useTo();
  const [opened, { toggle, close }] = useDisclosure();
  const location = useLocation();
  const items = [...shellAdminNav, ...webFeatures.flatMap((f) => f.adminNav ?? [])].filter(
    (i) => (!i.roles && !i.scopes) || holdsAny(me, i.roles, i.scopes),
  );
  return (
    <RequireAuth roles={staffAreaRoles} scopes={staffAreaScopes}>
      <AppShell header={{ height: 60 }} navbar={{ width: 240, breakpoint: 'sm', collapsed: { mobile: !opened } }} padding="md">
        <a href="#main" className="skip-link">
          {t('skip')}
        </a>
        <AppShell.Header>
          <Group h="100%" px="md" justify="space-between" wrap="nowrap">
            <Group wrap="nowrap">
              <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
              <Brand />
              <Text c="dimmed" size="sm" visibleFrom="sm">
                {t('nav.admin')}
              </Text>
            </Group>
            <Group gap="xs" wrap="nowrap">
              <LanguageSwitcher />
              <AccountMenu />
            </Group>
          </Group>
        </AppShell.Header>
        <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.admin')}>
          <ScrollArea>
            {items.map((i) => (
              <NavLink
                key={pagePath(i.page)}
                component={Link}
                to={to(i.page)}
                label={t(i.label)}
                active={i.page.path === '/' ? location.pathname === '/admin' : location.pathname.startsWith(pagePath(i.page))}
                onClick={close}
              />
            ))}
          </ScrollArea>
        </AppShell.Navbar>
        <AppShell.Main id="main">
          <PageOutlet />
        </AppShell.Main>
      </AppShell>
    </RequireAuth>
  );
}
