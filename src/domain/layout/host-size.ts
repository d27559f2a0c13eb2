import type { Size } from './layout-types';

/**
 * Size of a host box before React Flow has measured it (`.host-node` is 172 px wide). Its own file,
 * so the canvas reads it without loading the layout's graph building (loaded on the first Tidy).
 */
export const DEFAULT_HOST_SIZE: Size = { width: 172, height: 64 };
