/** Cell styles, built once and shared by reference (never mutated after a cell holds them). */
import type { Alignment, Borders, Font, Style } from 'exceljs';
import type { Catalogue } from '@/domain/catalogue-types';
import {
  BORDER_COLOUR,
  colourArgb,
  FALLBACK_COLOUR,
  HEADER_FILL,
  HIGH_RISK_FILL,
  HIGH_RISK_FONT,
  LINK_FONT,
  MISSING_FONT,
  solid,
  textOn,
} from './colours';

const THIN_BORDER: Partial<Borders> = { bottom: { style: 'thin', color: { argb: BORDER_COLOUR } } };

export const HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  fill: solid(HEADER_FILL),
  border: THIN_BORDER,
  // Wrapped: a narrow column (site, zone) shows its whole header, on screen and on paper.
  alignment: { vertical: 'middle', wrapText: true },
};
export const RISK_FONT: Partial<Font> = { bold: true, color: { argb: HIGH_RISK_FONT } };
export const RISK_STYLE: Partial<Style> = { fill: solid(HIGH_RISK_FILL), font: RISK_FONT };
export const LINK_STYLE_FONT: Partial<Font> = { underline: true, color: { argb: LINK_FONT } };
export const TOP_WRAP: Partial<Alignment> = { vertical: 'top', wrapText: true };
/** An IP cell of a host without an IP ("IP missing"): italic, amber, so it is seen, not typed in. */
export const MISSING_STYLE: Partial<Style> = {
  font: { italic: true, bold: true, color: { argb: MISSING_FONT } },
};

/**
 * The styles of one service on the matrix sheet and in the legend. Colour goes on one narrow
 * cell per row (the strip), never the whole row: a filled row prints dark and hides the grid.
 */
export interface ServiceStyles {
  /** The first cell of a matrix row: the service's colour, no text. */
  readonly strip: Partial<Style>;
  /** The legend's colour cell: the colour, its hex code readable on it. */
  readonly swatch: Partial<Style>;
  readonly link: Partial<Style>;
  readonly risk: Partial<Style>;
}

/** Styles per service id, made on first use and shared by every row of the service. */
export function serviceStyles(catalogue: Catalogue): (serviceId: string) => ServiceStyles {
  const cache = new Map<string, ServiceStyles>();
  return (serviceId) => {
    let styles = cache.get(serviceId);
    if (!styles) {
      const colour = catalogue.serviceById.get(serviceId)?.color ?? FALLBACK_COLOUR;
      const fill = solid(colourArgb(colour));
      styles = {
        strip: { fill },
        swatch: { fill, font: { bold: true, color: { argb: textOn(colour) } } },
        link: { font: LINK_STYLE_FONT },
        risk: RISK_STYLE,
      };
      cache.set(serviceId, styles);
    }
    return styles;
  };
}
