#!/usr/bin/env node
/**
 * Runs the browser tests (tests/e2e) in Debian's Chromium.
 *   node scripts/run-e2e.mjs              required: no Chromium is an error (npm run test:e2e, CI)
 *   node scripts/run-e2e.mjs --if-browser  from `npm test`: without Chromium, one line says they were skipped
 * E2E_REQUIRED=1 makes --if-browser strict too (.ci/run sets it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const optional = process.argv.includes('--if-browser') && process.env.E2E_REQUIRED !== '1';
const chromium = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find(
  (p) => p && existsSync(p),
);
if (!chromium) {
  const hint =
    'install it with `apt-get install -y --no-install-recommends chromium fonts-liberation` or set CHROME_PATH, then run `npm run test:e2e`';
  if (optional) {
    console.log(`Browser tests skipped: no Chromium found (${hint}).`);
    process.exit(0);
  }
  console.error(`Browser tests cannot run: no Chromium found (${hint}).`);
  process.exit(1);
}
const result = spawnSync(
  process.execPath,
  [
    'node_modules/vitest/vitest.mjs',
    'run',
    '--config',
    'vitest.e2e.config.ts',
    ...process.argv.slice(2).filter((a) => a !== '--if-browser'),
  ],
  { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chromium } },
);
process.exit(result.status ?? 1);
