import { useId, useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { EditionId } from '@/domain/catalogue-types';
import { type EditionChange, editionChange } from '@/domain/edition-change';
import { EDITIONS, isEditionId } from '@/domain/editions';
import { appCatalogues } from '@/i18n/app-i18n';
import { useAppStore, useAppStoreApi } from '@/store/store-context';
import { useCatalogue } from '@/store/use-catalogue';
import { useWords } from '@/store/use-words';
import { EditionChangeDialog } from './edition-change-dialog';

/**
 * The edition of the port document the diagram is derived with. Choosing another one first shows
 * what it changes for this diagram; only the dialog's confirm switches.
 */
export function EditionSwitch() {
  const store = useAppStoreApi();
  const catalogue = useCatalogue();
  const edition = useAppStore((s) => s.settings.edition);
  const [pending, setPending] = useState<{ to: EditionId; change: EditionChange }>();
  const id = useId();
  const { t } = useTranslation('toolbar');
  const { language } = useWords();
  // Edition titles as the app's language writes them (the engine keeps the original catalogues).
  const titleOf = (edition: EditionId) =>
    appCatalogues.of(store.getState().catalogueOf(edition), language).edition.title;

  const ask = (to: string) => {
    if (!isEditionId(to) || to === edition) return;
    const state = store.getState();
    setPending({ to, change: editionChange(state, catalogue, state.catalogueOf(to)) });
  };
  const names = new Map(store.getState().hosts.map((h) => [h.id, h.name]));

  return (
    <section className="inspector__section" aria-label={t('edition.title')}>
      <h3 className="section-title">{t('edition.title')}</h3>
      <label className="field" htmlFor={id}>
        <span className="field__label">{t('edition.label')}</span>
        <select id={id} className="field__input" value={edition} onChange={(e) => ask(e.target.value)}>
          {EDITIONS.map((e) => (
            <option key={e.id} value={e.id}>
              {titleOf(e.id)}
            </option>
          ))}
        </select>
      </label>
      <p className="field__help">
        <Trans
          t={t}
          i18nKey="edition.follows"
          values={{ title: titleOf(edition) }}
          components={{
            // biome-ignore lint/a11y/useAnchorContent: Trans puts the edition's title inside
            link: <a href={catalogue.edition.url} target="_blank" rel="noreferrer" />,
          }}
        />
      </p>
      {pending && (
        <EditionChangeDialog
          change={pending.change}
          to={store.getState().catalogueOf(pending.to)}
          names={names}
          onCancel={() => setPending(undefined)}
          onConfirm={() => {
            store.getState().switchEdition(pending.to);
            setPending(undefined);
          }}
        />
      )}
    </section>
  );
}
