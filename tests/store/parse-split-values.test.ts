// @vitest-environment node
/**
 * The cap on values counts the whole document when it is read on two threads: a file whose two
 * parts are each within the cap but not together is left to one thread, which refuses it.
 */
import { MessageChannel } from 'node:worker_threads';
import { catalogue } from '@/domain/default-catalogue';
import { readDocumentText, serializeDocument } from '@/domain/restore';
import { scanLimits } from '@/domain/restore-scan';
import { cutLinks } from '@/domain/restore-split';
import { type PartPort, serveLinks } from '@/store/parse-helper';
import { readSplit } from '@/store/parse-split';
import { makeDocument, makeHost } from '../builders';

vi.mock('@/domain/limits', async (original) => ({
  ...(await original<typeof import('@/domain/limits')>()),
  MAX_VALUES: 2000,
}));

it('leaves a file over the cap on values to one thread, though each part is within it', async () => {
  const hosts = Array.from({ length: 150 }, (_, i) => makeHost(`h${i}`, ['client']));
  const links = Array.from({ length: 400 }, (_, i) => [`h${i % 150}`, `h${(i * 7 + 1) % 150}`] as const);
  const text = serializeDocument(
    makeDocument(
      hosts,
      links.filter(([a, b]) => a !== b),
    ),
  );
  // The premise: each part alone is within the cap, the whole is not.
  const bytes = new TextEncoder().encode(text);
  const cut = cutLinks(bytes, 'mark')!;
  const rest = { values: 0 };
  const list = { values: 0 };
  const whole = { values: 0 };
  expect(scanLimits(JSON.parse(cut.rest), rest)).toBeUndefined();
  expect(
    scanLimits(JSON.parse(new TextDecoder().decode(bytes.subarray(...cut.linksAt))), list, 1),
  ).toBeUndefined();
  scanLimits(JSON.parse(text), whole);
  expect(whole.values).toBeGreaterThan(2000);
  expect(readDocumentText(text, catalogue).ok).toBe(false);
  const channel = new MessageChannel();
  serveLinks(channel.port2 as unknown as PartPort);
  const two = await readSplit(bytes, catalogue, channel.port1 as unknown as PartPort, new Promise(() => {}));
  channel.port1.close();
  channel.port2.close();
  expect(two).toBeUndefined();
});
