/**
 * The shapes the automatic layout reads and writes. The graph types are the subset of ELK's JSON
 * format (https://eclipse.dev/elk/documentation/tooldevelopers/graphdatastructure/jsonformat.html)
 * that the layout uses, spelled out here so the domain needs no elkjs import.
 */
import type { Box, Position } from '../document';

/** The document's box: zone boxes are applied to `Zone.box` as they are. */
export type { Box };

/** Width and height of a box on the canvas, in canvas pixels. */
export interface Size {
  readonly width: number;
  readonly height: number;
}

/** ELK layout options: option id to value, always strings. */
export type LayoutOptions = Readonly<Record<string, string>>;

/** An edge of the layout graph (ELK's extended edge with one source and one target). */
export interface LayoutEdge {
  readonly id: string;
  readonly sources: readonly [string];
  readonly targets: readonly [string];
}

/** A node of the layout graph: a host (a leaf) or a zone or site (a compound node with children). */
export interface LayoutNode {
  readonly id: string;
  /** Relative to the parent node once laid out; absent before. */
  readonly x?: number;
  readonly y?: number;
  readonly width?: number;
  readonly height?: number;
  readonly layoutOptions?: LayoutOptions;
  readonly children?: readonly LayoutNode[];
  readonly edges?: readonly LayoutEdge[];
}

/** Where the automatic layout puts things: what the canvas applies and draws. */
export interface LayoutPlacement {
  /** Top-left corner per host id, absolute. */
  readonly positions: Readonly<Record<string, Position>>;
  /** Box per zone id, absolute; every zone of the document has one. */
  readonly zoneBoxes: Readonly<Record<string, Box>>;
  /** Box per site code, absolute; a site whose hosts are spread over zones boxes those in its main zone. */
  readonly siteBoxes: Readonly<Record<string, Box>>;
}
