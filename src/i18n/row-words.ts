import type { Catalogue } from '@/domain/catalogue-types';
import type { DeltaChangeWords } from '@/domain/delta/delta-columns';
import type { CellWords, RowWords, YesNo } from '@/domain/matrix/row-words';
import { createI18n, type I18n } from './create-i18n';
import type { Language } from './languages';
import { localizeCatalogue } from './localize-catalogue';

const instances = new Map<Language, I18n>();

/**
 * An i18next instance for a language, made once: what the matrix rows, the exports and the CLI
 * write their words with outside React (the worker and Node have no app instance).
 *
 * @param language - The language.
 * @returns The shared instance of that language (never switched to another one).
 * @example
 * i18nFor('de').t('matrix:columns.source'); // 'Quellhost'
 */
export function i18nFor(language: Language): I18n {
  let instance = instances.get(language);
  if (!instance) {
    instance = createI18n(language);
    instances.set(language, instance);
  }
  return instance;
}

// Stand-ins for the names around which the justification sentence is cut; no text holds them.
const SOURCE = '\u0001';
const TARGET = '\u0002';

/**
 * The justification sentence of a language cut at the source's and the target's names: the
 * sentence is one catalogue entry (`matrix:row.justification`), and rows share the parts between
 * the names. A language must name the source first, then the target (tests/i18n checks each one).
 */
function justificationParts(i18n: I18n, values: Record<string, string>): { middle: string; tail: string } {
  const sentence = i18n.t('matrix:row.justification', {
    source: SOURCE,
    target: TARGET,
    sourceRoles: '',
    protocol: '',
    port: '',
    targetRoles: '',
    descriptions: '',
    service: '',
    sections: '',
    ...values,
  });
  const s = sentence.indexOf(SOURCE);
  const t = sentence.indexOf(TARGET);
  if (s !== 0 || t < s)
    throw new Error('the justification must start with {{source}} and name {{target}} after it');
  return { middle: sentence.slice(s + 1, t), tail: sentence.slice(t + 1) };
}

const made = new WeakMap<Catalogue, Map<Language, RowWords>>();

/** Sentences kept per words object: past this many different ones it starts again. */
const KEPT_SENTENCES = 20_000;

/**
 * `say` remembered by the text of its argument: rows made again after an edit (the matrix's
 * visible rows, alike flows) say the same few sentences, each an i18next interpolation.
 */
function remembered<A>(say: (arg: A) => string, keyOf: (arg: A) => string): (arg: A) => string {
  const kept = new Map<string, string>();
  return (arg) => {
    const key = keyOf(arg);
    let text = kept.get(key);
    if (text === undefined) {
      if (kept.size >= KEPT_SENTENCES) kept.clear();
      text = say(arg);
      kept.set(key, text);
    }
    return text;
  };
}

/**
 * The words matrix rows are written in, for a catalogue and a language: the catalogue's names in
 * that language (`localizeCatalogue`) and the matrix's sentences from the `matrix` namespace. The
 * same object for the same catalogue and language, so a row source can tell whether to re-code.
 *
 * @param catalogue - The engine's catalogue (as loaded); the words carry its copy in `language`.
 * @param language - The reader's language.
 * @returns The words to give `flowsToRows`, `createRowSource` and `cellText`.
 * @example
 * const rows = flowsToRows(flows, document, rowWords(catalogue, 'de'));
 * rows[0].direction; // 'in eine Richtung'
 */
export function rowWords(catalogue: Catalogue, language: Language): RowWords {
  let byLanguage = made.get(catalogue);
  if (!byLanguage) {
    byLanguage = new Map();
    made.set(catalogue, byLanguage);
  }
  let words = byLanguage.get(language);
  if (!words) {
    const i18n = i18nFor(language);
    const note = remembered(
      ([number, title]: readonly [number, string | undefined]) =>
        title === undefined
          ? i18n.t('matrix:row.noteNumber', { number })
          : i18n.t('matrix:row.note', { number, title }),
      ([number, title]) => `${number}\u0000${title ?? ''}\u0000${title === undefined}`,
    );
    words = {
      language,
      catalogue: localizeCatalogue(catalogue, language),
      yes: i18n.t('matrix:row.yes'),
      no: i18n.t('matrix:row.no'),
      checks: cellWords(language).checks,
      oneWay: i18n.t('matrix:row.oneWay'),
      bothWays: i18n.t('matrix:row.bothWays'),
      middle: remembered((values) => justificationParts(i18n, values).middle, JSON.stringify),
      tail: remembered((values) => justificationParts(i18n, values).tail, JSON.stringify),
      highRisk: remembered((port: string) => i18n.t('matrix:row.highRisk', { port }), String),
      note: (number, title) => note([number, title]),
    };
    byLanguage.set(language, words);
  }
  return words;
}

/**
 * A boolean cell's words in a language (what `cellText` needs where no rows are made).
 *
 * @example
 * yesNo('de'); // { yes: 'ja', no: 'nein' }
 */
export function yesNo(language: Language): YesNo {
  const i18n = i18nFor(language);
  return { yes: i18n.t('matrix:row.yes'), no: i18n.t('matrix:row.no') };
}

/**
 * The words of a cell beyond the row's texts in a language: yes, no and the test results.
 *
 * @example
 * cellWords('de').checks.untested; // 'nicht getestet'
 */
export function cellWords(language: Language): CellWords {
  const i18n = i18nFor(language);
  return {
    yes: i18n.t('matrix:row.yes'),
    no: i18n.t('matrix:row.no'),
    checks: {
      verified: i18n.t('matrix:file.checks.verified'),
      blocked: i18n.t('matrix:file.checks.blocked'),
      untested: i18n.t('matrix:file.checks.untested'),
    },
  };
}

/**
 * The words of the delta's change column in a language.
 *
 * @example
 * deltaChangeWords('de').added; // 'hinzugefügt'
 */
export function deltaChangeWords(language: Language): DeltaChangeWords {
  const i18n = i18nFor(language);
  return {
    added: i18n.t('export:delta.changes.added'),
    removed: i18n.t('export:delta.changes.removed'),
    changed: i18n.t('export:delta.changes.changed'),
  };
}
