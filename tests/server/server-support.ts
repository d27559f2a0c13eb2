/** Shared setup for the server tests: a temporary app folder and data folder, and waiting helpers. */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SyncServer, type SyncServerOptions, startSyncServer } from '@/server/sync-server';

export interface Folders {
  readonly base: string;
  readonly appDir: string;
  readonly dataDir: string;
  remove(): void;
}

/** An app folder with index.html, one asset and a symlink leading out of it, beside a secret file. */
export function makeFolders(): Folders {
  const base = mkdtempSync(join(tmpdir(), 'h17-sync-'));
  const appDir = join(base, 'dist');
  mkdirSync(join(appDir, 'assets'), { recursive: true });
  writeFileSync(join(appDir, 'index.html'), '<!doctype html><title>app</title>');
  writeFileSync(join(appDir, 'assets', 'index-abc.js'), 'console.log(1)');
  writeFileSync(join(base, 'secret.txt'), 'SECRET');
  symlinkSync(join(base, 'secret.txt'), join(appDir, 'leak.txt'));
  symlinkSync(base, join(appDir, 'outside'));
  return {
    base,
    appDir,
    dataDir: join(base, 'data'),
    remove: () => rmSync(base, { recursive: true, force: true }),
  };
}

export function start(folders: Folders, options: Partial<SyncServerOptions> = {}): Promise<SyncServer> {
  return startSyncServer({ appDir: folders.appDir, dataDir: folders.dataDir, storeDelay: 50, ...options });
}

/** Waits until `check` holds, polling; fails with `what` after `ms`. */
export async function until(check: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** lib0 encodings, enough to speak the protocol by hand for the malformed-message tests. */
export function varUint(value: number): number[] {
  const bytes: number[] = [];
  let rest = value;
  while (rest > 0x7f) {
    bytes.push((rest & 0x7f) | 0x80);
    rest = Math.floor(rest / 128);
  }
  bytes.push(rest);
  return bytes;
}

export function varString(text: string): number[] {
  const utf8 = [...new TextEncoder().encode(text)];
  return [...varUint(utf8.length), ...utf8];
}
