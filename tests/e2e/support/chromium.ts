import { existsSync } from 'node:fs';

/** Debian's Chromium: CHROME_PATH, else /usr/bin/chromium. Undefined when neither exists. */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  return candidates.find((p): p is string => typeof p === 'string' && p !== '' && existsSync(p));
}

/**
 * Flags for headless Chromium on these machines: no sandbox as root, no GPU, and no background
 * networking, which would otherwise flood the closed network with refused connections.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
