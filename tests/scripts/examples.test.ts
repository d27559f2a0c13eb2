import { readFileSync } from 'node:fs';
import { exampleFiles } from '../../scripts/examples';

describe('the committed examples', () => {
  it.each(exampleFiles().map((e) => [e.file, e.text] as const))(
    'data/examples/%s is what scripts/examples.ts builds (run `npm run build:examples` after a change)',
    (file, text) => {
      // Parsed, not as text: Biome lays out the committed files (short arrays on one line).
      expect(JSON.parse(readFileSync(`data/examples/${file}`, 'utf8'))).toStrictEqual(JSON.parse(text));
    },
  );
});
