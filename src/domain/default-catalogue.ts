import type { Catalogue } from './catalogue-types';
import { loadEdition } from './editions';

/**
 * The catalogue of the `2018-de` edition (data/catalogue as shipped), validated once when first
 * imported. The same object as `loadEdition('2018-de')`.
 */
export const catalogue: Catalogue = loadEdition('2018-de');
