import type { TFunction } from 'i18next';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';

/** What every host and link on the canvas says, looked up once per language. */
export interface ElementWords {
  /** The canvas's words (its `compare:` keys too), for what differs per element. */
  readonly t: TFunction<['canvas', 'compare']>;
  readonly noPorts: string;
  readonly noFlows: string;
  readonly noRoles: string;
  readonly linkHandle: string;
  /** A host name's hover title. */
  readonly nameTitle: (name: string) => string;
}

const ElementWordsContext = createContext<ElementWords | null>(null);

/** Stands in for the name in the title's one lookup. */
const NAME = '\u0000';

/**
 * Hands hosts and links their words. A `useTranslation` per host and per link cost a wrapper of
 * the i18n instance and a subscription each, and each lookup parses its key: a sixth of the mount
 * of 1,000 hosts and 4,000 links (issue 18). Mount it around <ReactFlow>.
 */
export function ElementWordsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['canvas', 'compare']);
  const words = useMemo<ElementWords>(() => {
    const title = t('host.nameTitle', { name: NAME });
    return {
      t,
      noPorts: t('link.noPorts'),
      noFlows: t('link.noFlows'),
      noRoles: t('host.noRoles'),
      linkHandle: t('host.linkHandle'),
      nameTitle: (name) => title.replace(NAME, () => name),
    };
  }, [t]);
  return <ElementWordsContext.Provider value={words}>{children}</ElementWordsContext.Provider>;
}

/** The words of the canvas's hosts and links (inside {@link ElementWordsProvider}). */
export function useElementWords(): ElementWords {
  const words = useContext(ElementWordsContext);
  if (!words) throw new Error('useElementWords outside ElementWordsProvider');
  return words;
}
