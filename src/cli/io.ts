import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { type Message, message } from '@/domain/message';
import { MAX_FILE_BYTES, readDocumentText } from '@/domain/restore';
import { englishText, UsageError } from './args';
import { type CliText, languageIn, sayIn } from './words';

/** An error the CLI reports as one line on stderr (in the run's language), exiting non-zero. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(readonly text: CliText) {
    super(englishText(text));
  }
}

/**
 * Reads and restores a topology file; refuses missing, oversized, non-JSON and foreign files.
 * Restore's problems stay messages: the command prints them in its language.
 */
export function loadTopology(
  path: string,
  catalogue: Catalogue,
): { document: TopologyDocument; problems: readonly Message[] } {
  if (!existsSync(path)) throw new CliError(message('cli:file.missing', { path }));
  const stat = statSync(path);
  if (!stat.isFile()) throw new CliError(message('cli:file.notAFile', { path }));
  if (stat.size > MAX_FILE_BYTES)
    throw new CliError(message('cli:file.tooLarge', { path, limit: MAX_FILE_BYTES / 1024 / 1024 }));
  const result = readDocumentText(decodeUtf8(path, readFileSync(path)), catalogue);
  if (!result.ok)
    throw new CliError(message('cli:file.refused', { path, reason: { message: result.error } }));
  return { document: result.document, problems: result.problems };
}

/**
 * The file's text, strictly: invalid UTF-8 is refused (naming the byte) rather than replaced with
 * U+FFFD, which would change names and labels without a word.
 */
export function decodeUtf8(path: string, bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const text = Buffer.from(bytes).toString('utf8');
    const at = text.indexOf('\uFFFD');
    const byte = at < 0 ? 0 : Buffer.byteLength(text.slice(0, at), 'utf8');
    throw new CliError(message('cli:file.notUtf8', { path, byte }));
  }
}

/**
 * Runs a CLI body, turning every failure into one stderr line and exit code 2, in the language
 * `--lang` asks for (English when it is missing or wrong).
 */
export async function runCli(body: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    const say = sayIn(languageIn(process.argv.slice(2)));
    const text =
      error instanceof UsageError || error instanceof CliError
        ? say(error.text)
        : error instanceof Error
          ? error.message
          : String(error);
    process.stderr.write(`${say(message('cli:prefix.error', { text: text.split('\n')[0] ?? '' }))}\n`);
    process.exitCode = 2;
  }
}
