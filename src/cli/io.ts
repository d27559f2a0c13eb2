import { existsSync, readFileSync, statSync } from 'node:fs';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { MAX_FILE_BYTES, readDocumentText } from '@/domain/restore';
import { createI18n } from '@/i18n/create-i18n';
import { formatMessage } from '@/i18n/format-message';

/** An error the CLI reports as one line on stderr, exiting non-zero. */
export class CliError extends Error {
  override name = 'CliError';
}

/** Reads and restores a topology file; refuses missing, oversized, non-JSON and foreign files. */
export function loadTopology(
  path: string,
  catalogue: Catalogue,
): { document: TopologyDocument; problems: readonly string[] } {
  if (!existsSync(path)) throw new CliError(`${path}: no such file`);
  const stat = statSync(path);
  if (!stat.isFile()) throw new CliError(`${path}: not a file`);
  if (stat.size > MAX_FILE_BYTES)
    throw new CliError(`${path}: larger than the ${MAX_FILE_BYTES / 1024 / 1024} MB limit`);
  const result = readDocumentText(decodeUtf8(path, readFileSync(path)), catalogue);
  // Restore's messages in English words (the CLI's language until it takes one as a flag).
  const words = { i18n: createI18n('en'), catalogue };
  if (!result.ok) throw new CliError(`${path}: ${formatMessage(result.error, words)}`);
  return { document: result.document, problems: result.problems.map((p) => formatMessage(p, words)) };
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
    throw new CliError(`${path}: not valid UTF-8 text (first bad byte at offset ${byte}); save it as UTF-8`);
  }
}

/** Runs a CLI body, turning every failure into one stderr line and exit code 2. */
export async function runCli(body: () => Promise<number> | number): Promise<void> {
  try {
    process.exitCode = await body();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message.split('\n')[0]}\n`);
    process.exitCode = 2;
  }
}
