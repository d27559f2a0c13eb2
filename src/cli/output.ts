/**
 * Where the CLI writes `--out`: checked before any work, written through a temporary file beside
 * the target that is renamed into place, and removed again if the run fails or is killed.
 */
import {
  closeSync,
  lstatSync,
  openSync,
  realpathSync,
  renameSync,
  rmSync,
  type Stats,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { message } from '@/domain/message';
import { CliError } from './io';

type NotAFile = 'directory' | 'device' | 'pipe' | 'socket' | 'other';

/** What a path is, for a refusal (`cli:out.direct.*`, `cli:out.viaLink.*`); undefined for a regular file. */
function notAFile(stat: Stats): NotAFile | undefined {
  if (stat.isFile()) return undefined;
  if (stat.isDirectory()) return 'directory';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'device';
  if (stat.isFIFO()) return 'pipe';
  if (stat.isSocket()) return 'socket';
  return 'other';
}

const errorText = (error: unknown) => (error instanceof Error ? error.message : String(error));

function sameFile(a: Stats, b: Stats): boolean {
  return a.dev === b.dev && a.ino === b.ino;
}

/**
 * Checks an `--out` path and returns the path to write. Refuses (one line naming the path) the input
 * file, directories, devices (`/dev/null` too), pipes, sockets, a missing folder and symbolic links
 * to any of these. A symbolic link to a regular file is followed, so the link itself stays a link.
 *
 * @param out - the path as given
 * @param input - the input file, which must not be overwritten
 * @returns the real path to write to
 */
export function checkOutputPath(out: string, input: string): string {
  if (out.trim() === '') throw new CliError(message('cli:out.needsName'));
  let target = resolve(out);
  let link: Stats | undefined;
  try {
    link = lstatSync(target);
  } catch {
    link = undefined;
  }
  if (link?.isSymbolicLink()) {
    try {
      target = realpathSync(target);
    } catch {
      throw new CliError(message('cli:out.dangling', { out }));
    }
  }
  let existing: Stats | undefined;
  try {
    existing = statSync(target);
  } catch {
    existing = undefined;
  }
  if (existing) {
    const reason = notAFile(existing);
    if (reason)
      throw new CliError(
        message(`cli:out.${link?.isSymbolicLink() ? 'viaLink' : 'direct'}.${reason}`, { out }),
      );
    let source: Stats | undefined;
    try {
      source = statSync(input);
    } catch {
      source = undefined;
    }
    if (source && sameFile(source, existing)) {
      throw new CliError(message('cli:out.isInput', { out }));
    }
  } else {
    let folder: Stats | undefined;
    try {
      folder = statSync(dirname(target));
    } catch {
      folder = undefined;
    }
    if (!folder?.isDirectory()) throw new CliError(message('cli:out.noFolder', { out }));
  }
  return target;
}

/** An output reserved for the run: a temporary file that only `commit` turns into the target. */
export interface ReservedOutput {
  /** Writes the data and renames the temporary file over the target. */
  commit(data: string | Uint8Array): void;
  /** Removes the temporary file (a failed or killed run). */
  discard(): void;
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const SIGNAL_CODES: Record<(typeof SIGNALS)[number], number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/**
 * Creates the temporary file beside `target` now, before the long work, and removes it on exit,
 * on SIGINT, SIGTERM and SIGHUP (then exits as the signal would), so a killed or failed run leaves
 * no file behind. SIGKILL cannot be caught; the name starts with a dot and ends in `.partial`.
 *
 * @param target - the checked path from `checkOutputPath`
 * @returns the reserved output
 */
export function reserveOutput(target: string): ReservedOutput {
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.partial`);
  let fd: number | undefined;
  let finished = false;
  const finish = (removeTemp: boolean) => {
    if (finished) return;
    finished = true;
    if (fd !== undefined) closeSync(fd);
    fd = undefined;
    if (removeTemp) rmSync(temp, { force: true });
    process.off('exit', discard);
    for (const signal of SIGNALS) process.off(signal, onSignal);
  };
  const discard = () => finish(true);
  const onSignal = (signal: NodeJS.Signals) => {
    discard();
    process.exit(128 + (SIGNAL_CODES[signal as (typeof SIGNALS)[number]] ?? 15));
  };
  // Listening before the file exists: a signal in between must not leave it behind.
  process.on('exit', discard);
  for (const signal of SIGNALS) process.on(signal, onSignal);
  try {
    fd = openSync(temp, 'wx', 0o644);
  } catch (error) {
    finish(false);
    throw new CliError(message('cli:out.cannotWrite', { target, reason: errorText(error) }));
  }
  return {
    commit(data) {
      try {
        const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
        let offset = 0;
        while (offset < bytes.length) offset += writeSync(fd ?? -1, bytes, offset);
        closeSync(fd ?? -1);
        fd = undefined;
        renameSync(temp, target);
      } catch (error) {
        discard();
        throw new CliError(message('cli:out.cannotWrite', { target, reason: errorText(error) }));
      }
      finish(false);
    },
    discard,
  };
}
