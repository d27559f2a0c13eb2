import { LINK_ENDS, sentence } from '@/canvas/sentence';
import { createI18n } from '@/i18n/create-i18n';
import { canvasT } from './canvas-words';

const germanT = createI18n('de', (_lng, key) => {
  throw new Error(`no catalogue holds the key ${key}`);
}).getFixedT('de', 'canvas');

describe('canvas sentences looked up once', () => {
  const names = ['P01-MP01', 'a $& b', '$1 {{name}}', '', 'Ü – ß'];

  it('says what a lookup per element says, in English and German', () => {
    for (const t of [canvasT, germanT]) {
      const host = sentence(t, 'host.label', ['name']);
      const link = sentence(t, 'link.label', LINK_ENDS);
      const inferred = sentence(t, 'link.labelInferred', LINK_ENDS);
      for (const a of names) {
        expect(host(a)).toBe(t('host.label', { name: a }));
        for (const b of names) {
          expect(link(a, b)).toBe(t('link.label', { source: a, target: b }));
          expect(inferred(a, b)).toBe(t('link.labelInferred', { source: a, target: b }));
        }
      }
    }
  });
});
