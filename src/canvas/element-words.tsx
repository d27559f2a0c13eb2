import type { TFunction } from 'i18next';
import { createContext, type ReactNode, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue } from '@/domain/catalogue-types';
import { useAppStore } from '@/store/store-context';
import { useWords, type Words } from '@/store/use-words';

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
  /** A zone name's hover title. */
  readonly zoneTitle: (name: string) => string;
  /** "12 hosts" on a zone's title bar, said once per count. */
  readonly zoneHosts: (count: number) => string;
  /** The edition's catalogue (the store's: role abbreviations and colours). */
  readonly catalogue: Catalogue;
  /** The app's words for the catalogue and findings (see useWords). */
  readonly words: Words;
  /** "1 error, 2 warnings", said once per count pair (status-badge.tsx). */
  readonly summary: (errors: number, warnings: number) => string;
}

const ElementWordsContext = createContext<ElementWords | null>(null);

/** "1 error, 2 warnings": what a status counts, for labels and titles. */
export function statusSummary(
  errorCount: number,
  warningCount: number,
  t: TFunction<['canvas', 'compare']>,
): string {
  const errors = t('status.errors', { count: errorCount });
  const warnings = t('status.warnings', { count: warningCount });
  if (errorCount > 0 && warningCount > 0) return t('status.both', { errors, warnings });
  return errorCount > 0 ? errors : warningCount > 0 ? warnings : '';
}

/** Stands in for the name in the title's one lookup. */
const NAME = '\u0000';

/**
 * Hands hosts and links their words. A `useTranslation` per host and per link cost a wrapper of
 * the i18n instance and a subscription each, and each lookup parses its key: a sixth of the mount
 * of 1,000 hosts and 4,000 links (issue 18); so did a `useWords` and a `useCatalogue` per host.
 * Zones read theirs here too (a 100,000-host estate has some 600). Mount it around <ReactFlow>.
 */
export function ElementWordsProvider({ children }: { children: ReactNode }) {
  const { t } = useTranslation(['canvas', 'compare']);
  const catalogue = useAppStore((s) => s.catalogue);
  const appWords = useWords();
  const { language, say, role, roleInText, number } = appWords;
  // useWords makes a new object each render; its parts keep their identity.
  // biome-ignore lint/correctness/useExhaustiveDependencies: appWords changes only with its parts
  const words = useMemo<ElementWords>(() => {
    const title = t('host.nameTitle', { name: NAME });
    const zoneTitle = t('zone.nameTitle', { name: NAME });
    const summaries = new Map<string, string>();
    const counts = new Map<number, string>();
    return {
      t,
      noPorts: t('link.noPorts'),
      noFlows: t('link.noFlows'),
      noRoles: t('host.noRoles'),
      linkHandle: t('host.linkHandle'),
      nameTitle: (name) => title.replace(NAME, () => name),
      zoneTitle: (name) => zoneTitle.replace(NAME, () => name),
      zoneHosts(count) {
        let said = counts.get(count);
        if (said === undefined) {
          said = t('zone.hosts', { count });
          counts.set(count, said);
        }
        return said;
      },
      catalogue,
      words: appWords,
      summary(errors, warnings) {
        const key = `${errors} ${warnings}`;
        let said = summaries.get(key);
        if (said === undefined) {
          said = statusSummary(errors, warnings, t);
          summaries.set(key, said);
        }
        return said;
      },
    };
  }, [t, catalogue, language, appWords.catalogue, say, role, roleInText, number]);
  return <ElementWordsContext.Provider value={words}>{children}</ElementWordsContext.Provider>;
}

/** The words of the canvas's hosts and links (inside {@link ElementWordsProvider}). */
export function useElementWords(): ElementWords {
  const words = useContext(ElementWordsContext);
  if (!words) throw new Error('useElementWords outside ElementWordsProvider');
  return words;
}
