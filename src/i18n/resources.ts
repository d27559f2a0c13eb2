/* One message catalogue per language, one file per area (namespace). Keys by area. */

import { DE } from './resources-de';
import { EN } from './resources-en';

export { DE } from './resources-de';
export { EN, NAMESPACES, type Namespace } from './resources-en';

/** Every language's catalogue. */
export const RESOURCES = { en: EN, de: DE } as const;
