/** `derive` writes the test results a file holds into the Verified column, as the app does. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { flowKey } from '@/domain/firewall/flow-key';
import { serializeDocument } from '@/domain/restore';
import { loadExample, rowsOf } from '../export/support';
import { derive } from './run-derive';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'derive-results-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('fills Verified from the file’s results: blocked, verified and not tested', async () => {
  const hierarchy = loadExample('hierarchy');
  const rows = rowsOf(hierarchy);
  const [blocked, verified] = [rows[0]!, rows[1]!];
  const file = join(dir, 'tested.json');
  writeFileSync(
    file,
    serializeDocument({
      ...hierarchy,
      results: { [flowKey(blocked)]: 'blocked', [flowKey(verified)]: 'verified' },
    }),
  );
  const { code, stdout } = await derive(file, '--format', 'json');
  expect(code).toBe(0);
  const json = JSON.parse(stdout) as { id: string; verified: string }[];
  expect(json).toHaveLength(rows.length);
  expect(json[0]).toMatchObject({ id: blocked.id, verified: 'blocked' });
  expect(json[1]).toMatchObject({ id: verified.id, verified: 'verified' });
  expect(json.slice(2).every((r) => r.verified === 'untested')).toBe(true);
}, 60_000);
