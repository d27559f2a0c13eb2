import type { EN } from './resources-en';

// Keys are typed from the English catalogue: `t('panels:no.such.key')` fails the typecheck.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'common';
    resources: typeof EN;
  }
}
