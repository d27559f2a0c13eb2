/** Tiny argument reader for the CLI: one positional file, known `--flag value` pairs, nothing else. */
import { isMessage, type Message, message } from '@/domain/message';
import { DEFAULT_LANGUAGE, isLanguage, type Language } from '@/i18n/languages';
import { badLanguage, sayIn } from './words';

export interface ParsedArgs {
  readonly file: string;
  readonly options: Readonly<Record<string, string>>;
}

/** An error's text in English, for `Error.message` (`runCli` prints it in the run's language). */
export const englishText = (text: Message | string): string => (isMessage(text) ? sayIn('en')(text) : text);

/** A mistake on the command line: printed as one line in the run's language, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(readonly text: Message | string) {
    super(englishText(text));
  }
}

/**
 * Checks `--lang` before any file is read.
 *
 * @param option - The flag's value, if given.
 * @returns The language to print and write in; English when the flag is not given.
 * @throws UsageError naming the languages the CLI speaks.
 */
export function languageOption(option: string | undefined): Language {
  if (option === undefined) return DEFAULT_LANGUAGE;
  if (!isLanguage(option)) throw new UsageError(badLanguage(option));
  return option;
}

export function parseArgs(argv: readonly string[], known: readonly string[]): ParsedArgs {
  let file: string | undefined;
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg.startsWith('--')) {
      const [name = '', inline] = arg.slice(2).split('=', 2);
      if (!known.includes(name))
        throw new UsageError(
          message('cli:usage.unknownFlag', { name, known: known.map((k) => `--${k}`).join(', ') }),
        );
      const value = inline ?? argv[i + 1];
      // `--out=` and `--out ""` are mistakes, not "no value": refusing them beats ignoring them.
      if (value === undefined || value.trim() === '' || (inline === undefined && value.startsWith('--'))) {
        throw new UsageError(message('cli:usage.needsValue', { name }));
      }
      if (inline === undefined) i += 1;
      options[name] = value;
    } else if (file === undefined) {
      file = arg;
    } else {
      throw new UsageError(message('cli:usage.unexpectedArgument', { arg }));
    }
  }
  if (file === undefined) throw new UsageError(message('cli:usage.noFile'));
  return { file, options };
}
