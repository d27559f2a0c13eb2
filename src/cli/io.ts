import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Catalogue } from '@/domain/catalogue-types';
import type { TopologyDocument } from '@/domain/document';
import { MAX_FILE_BYTES, readDocumentText } from '@/domain/restore';

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
  const result = readDocumentText(readFileSync(path, 'utf8'), catalogue);
  if (!result.ok) throw new CliError(`${path}: ${result.error}`);
  return { document: result.document, problems: result.problems };
}

/**
 * Writes the output atomically: to a temporary file beside it, then renamed, so a failure never
 * leaves a partial file behind.
 */
export function writeOutput(path: string, data: string | Uint8Array): void {
  const temp = join(dirname(path), `.${Date.now()}-${process.pid}.partial`);
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new CliError(`${path}: cannot write (${error instanceof Error ? error.message : String(error)})`);
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
