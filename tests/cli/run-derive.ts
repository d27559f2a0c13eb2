import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** The project's root, where the CLI tests run `npx tsx src/cli/derive.ts`. */
export const ROOT = resolve(import.meta.dirname, '../..');

export interface DeriveResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `derive` in a child process as a user would; a failing exit is a result, not a throw. */
export async function derive(...args: string[]): Promise<DeriveResult> {
  try {
    const { stdout, stderr } = await run('npx', ['tsx', 'src/cli/derive.ts', ...args], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: e.code ?? -1, stdout: e.stdout ?? '', stderr: e.stderr ?? '' };
  }
}
