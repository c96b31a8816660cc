import { Anchor, Badge, Group, List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Reply } from '../../../platform/http/contract';
import { useTo } from '../../../web/links';
import { type libraryApi as api, libraryPages } from '../contract';
import { EditionLabel } from './EditionLabel';

/** Every edition of a publication, newest first: the one in force marked, the one on screen not a link. */
export function PublicationEditions({ publication: p }: { publication: Reply<typeof api.get> }) {
  const { t } = useTranslation(['library']);
  const to = useTo();
  if (p.editions.length < 2) return null;
  return (
    <section aria-labelledby="publication-editions" data-testid="publication-editions">
      <Title order={2} size="h4" id="publication-editions" mb="xs">
        {t('library:editions')}
      </Title>
      <List spacing="xs" listStyleType="none" pl={0}>
        {p.editions.map((e) => (
          <List.Item key={e.id} data-testid={e.current ? 'edition-current' : 'edition'}>
            <Group gap="xs" wrap="wrap">
              {e.id === p.id ? (
                <Text fw={600} aria-current="page">
                  <EditionLabel edition={e} sameTitleAs={p.title} />
                </Text>
              ) : (
                <Anchor component={Link} to={to(libraryPages.publication, { id: e.id })}>
                  <EditionLabel edition={e} sameTitleAs={p.title} />
                </Anchor>
              )}
              {e.current ? <Badge color="teal.9">{t('library:currentEdition')}</Badge> : null}
              {e.id === p.id ? (
                <Badge color="gray" variant="outline">
                  {t('library:thisEdition')}
                </Badge>
              ) : null}
            </Group>
          </List.Item>
        ))}
      </List>
    </section>
  );
}
