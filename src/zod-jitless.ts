/**
 * Runs before any module that builds a zod schema (main.tsx imports it first): zod otherwise probes
 * `new Function('')` to decide whether to compile parsers, which the Content-Security-Policy
 * (script-src 'self', no 'unsafe-eval') reports as a violation. The interpreted parsers are fast
 * enough for the catalogue, which is checked once.
 */
import { config } from 'zod/mini';

config({ jitless: true });
