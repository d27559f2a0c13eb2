/**
 * Vitest global setup: says in one line when the seed document is absent and the tests that read
 * it are skipped; SEED_REQUIRED=1 (set by .ci/run) makes its absence an error instead.
 */
import { existsSync } from 'node:fs';
import { seedPath } from './seed';

export default function setup(): void {
  const path = seedPath();
  if (existsSync(path)) return;
  if (process.env.SEED_REQUIRED === '1') {
    throw new Error(`Seed document not found at ${path}; set SEED_PATH to the port document.`);
  }
  console.log(
    `Seed tests skipped: no seed document at ${path} (set SEED_PATH to the German port document to run them).`,
  );
}
