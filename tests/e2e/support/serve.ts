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

/**
 * Stops `npm run serve` and the processes under it (npm, tsx, node): SIGTERM to the process group,
 * so the server writes its open rooms and exits, then waits until the port no longer answers.
 */
async function stopped(child: ChildProcess, url: string): Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
  try {
    if (child.pid) process.kill(-child.pid, 'SIGTERM');
  } catch {
    // Already gone.
  }
  await exited;
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    try {
      await fetch(url);
    } catch {
      return;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`npm run serve still answers at ${url} after SIGTERM`);
}

/** Starts `npm run serve -- --port <free> --data <temp folder>` and waits until it answers. */
export async function serveApp(): Promise<Served> {
  const port = await freePort();
  const data = mkdtempSync(join(tmpdir(), 'cm-serve-e2e-'));
  const start = async () => {
    const child = spawn('npm', ['run', '-s', 'serve', '--', '--port', String(port), '--data', data], {
      stdio: ['ignore', 'ignore', 'inherit'],
      // Its own process group, so stopping reaches the server under npm and tsx.
      detached: true,
    });
    await answers(`http://127.0.0.1:${port}/`, child);
    return child;
  };
  let child = await start();
  const url = `http://127.0.0.1:${port}/`;
  return {
    url,
    async restart() {
      await stopped(child, url);
      child = await start();
    },
    async stop() {
      await stopped(child, url);
      rmSync(data, { recursive: true, force: true });
    },
  };
}
