import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Catalogue, RoleId } from '@/domain/catalogue-types';
import { isMessage, type Message } from '@/domain/message';
import { appCatalogues } from '@/i18n/app-i18n';
import { formatMessage, languageOf } from '@/i18n/format-message';
import type { Language } from '@/i18n/languages';
import { roleInText, roleTitle } from '@/i18n/role-names';
import { useAppStore } from './store-context';

/** What components need to put domain values into words in the app's language. */
export interface Words {
  /** The app's language. */
  readonly language: Language;
  /**
   * The document's catalogue in the app's language: names and descriptions to show. Never give it
   * to the engine (the store's catalogue is the engine's).
   */
  readonly catalogue: Catalogue;
  /** A domain message (a finding, a notice, a refusal) as a sentence. */
  readonly say: (message: Message | string) => string;
  /** A role's name as a title: `Management point`, `Verwaltungspunkt`. */
  readonly role: (role: RoleId) => string;
  /** A role's name inside a sentence: `management point`, `Verwaltungspunkt`. */
  readonly roleInText: (role: RoleId) => string;
  /** A number the way the language writes it (`1,234` / `1.234`). */
  readonly number: (n: number) => string;
}

/**
 * Words for the current language and the document's edition; components re-render when either
 * changes. Plain strings pass through `say` unchanged (text the user typed, such as host names).
 */
export function useWords(): Words {
  const { i18n } = useTranslation();
  const catalogue = useAppStore((s) => s.catalogue);
  const language = languageOf(i18n);
  // The language is a dependency: the same instance speaks another language after a switch.
  // biome-ignore lint/correctness/useExhaustiveDependencies: language is read through i18n
  const say = useCallback(
    (m: Message | string) => (isMessage(m) ? formatMessage(m, { i18n, catalogue }) : m),
    [i18n, catalogue, language],
  );
  const role = useCallback((id: RoleId) => roleTitle(catalogue, id, language), [catalogue, language]);
  const inText = useCallback((id: RoleId) => roleInText(catalogue, id, language), [catalogue, language]);
  const number = useCallback((n: number) => new Intl.NumberFormat(language).format(n), [language]);
  return {
    language,
    catalogue: appCatalogues.of(catalogue, language),
    say,
    role,
    roleInText: inText,
    number,
  };
}
