/**
 * `npm run serve [-- --host 0.0.0.0 --port 8080 --data ./data-sync --app ./dist]`: the built app
 * and the live-editing endpoint in one process. Build first (`npm run build`).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startSyncServer } from './sync-server';

const USAGE = `Usage: npm run serve -- [--host 127.0.0.1] [--port 4174] [--data ./data-sync] [--app ./dist] [--max-message-mb 2]
  --host   address to bind (default 127.0.0.1, this machine only; 0.0.0.0 for every interface)
  --port   port (default 4174)
  --data   folder for rooms.sqlite (default ./data-sync)
  --app    the built app (default ./dist; run \`npm run build\` first)
  --max-message-mb  largest message a client may send (default 2; a client joining with its own
           changes sends its whole diagram at once: 2 MB holds about 3,500 hosts)`;

function fail(message: string): never {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exit(2);
}

let values: {
  host?: string;
  port?: string;
  data?: string;
  app?: string;
  'max-message-mb'?: string;
  help?: boolean;
};
try {
  ({ values } = parseArgs({
    options: {
      host: { type: 'string' },
      port: { type: 'string' },
      data: { type: 'string' },
      app: { type: 'string' },
      'max-message-mb': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail(error instanceof Error ? error.message : 'Bad arguments');
}
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const port = Number(values.port ?? 4174);
if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port ${values.port} is not a port number`);
const maxMb = Number(values['max-message-mb'] ?? 2);
if (!(maxMb > 0 && maxMb <= 100)) fail(`--max-message-mb ${values['max-message-mb']} is not 0–100`);
const appDir = resolve(values.app ?? 'dist');
if (!existsSync(resolve(appDir, 'index.html'))) {
  fail(`${appDir} has no index.html: run \`npm run build\` first, or pass --app`);
}

const server = await startSyncServer({
  appDir,
  dataDir: resolve(values.data ?? 'data-sync'),
  host: values.host ?? '127.0.0.1',
  port,
  maxMessageBytes: Math.round(maxMb * 1024 * 1024),
}).catch((error: unknown) => {
  // EADDRINUSE, EACCES, EADDRNOTAVAIL or an unreadable data folder: one line, not a stack.
  process.stderr.write(`Could not start: ${error instanceof Error ? error.message : 'unknown error'}
`);
  process.exit(1);
});
process.stdout.write(`Serving ${appDir} at ${server.httpUrl}, live editing at ${server.syncUrl}\n`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    process.stdout.write('Writing open rooms and stopping…\n');
    server.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        process.stderr.write(`${error instanceof Error ? error.message : 'Stop failed'}\n`);
        process.exit(1);
      },
    );
  });
}
