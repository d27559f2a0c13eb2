import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** `npm run serve` as a user starts it: the built app (dist/, built by the global setup) plus live editing. */
export interface Served {
  readonly url: string;
  /** Stops the process (SIGTERM: it writes open rooms first) and starts it again on the same port and data. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function answers(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`npm run serve exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`npm run serve did not answer at ${url}`);
}

function stopped(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

/** Starts `npm run serve -- --port <free> --data <temp folder>` and waits until it answers. */
export async function serveApp(): Promise<Served> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'cm-serve-e2e-'));
  const start = async () => {
    const child = spawn('npm', ['run', '-s', 'serve', '--', '--port', String(port), '--data', data], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await answers(`http://127.0.0.1:${port}/`, child);
    return child;
  };
  let child = await start();
  return {
    url: `http://127.0.0.1:${port}/`,
    async restart() {
      await stopped(child);
      child = await start();
    },
    async stop() {
      await stopped(child);
      rmSync(data, { recursive: true, force: true });
    },
  };
}
