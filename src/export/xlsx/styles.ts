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
  solid,
  textOn,
  tintArgb,
} from './colours';

const THIN_BORDER: Partial<Borders> = { bottom: { style: 'thin', color: { argb: BORDER_COLOUR } } };

export const HEADER_STYLE: Partial<Style> = {
  font: { bold: true },
  fill: solid(HEADER_FILL),
  border: THIN_BORDER,
  alignment: { vertical: 'middle' },
};
export const RISK_FONT: Partial<Font> = { bold: true, color: { argb: HIGH_RISK_FONT } };
export const RISK_STYLE: Partial<Style> = { fill: solid(HIGH_RISK_FILL), font: RISK_FONT };
export const LINK_STYLE_FONT: Partial<Font> = { underline: true, color: { argb: LINK_FONT } };
export const TOP_WRAP: Partial<Alignment> = { vertical: 'top', wrapText: true };

/** The styles of one service's rows on the matrix sheet and in the legend. */
export interface ServiceStyles {
  readonly row: Partial<Style>;
  readonly service: Partial<Style>;
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
      const rowFill = solid(tintArgb(colour));
      styles = {
        row: { fill: rowFill },
        service: { fill: solid(colourArgb(colour)), font: { bold: true, color: { argb: textOn(colour) } } },
        link: { fill: rowFill, font: LINK_STYLE_FONT },
        risk: { fill: solid(HIGH_RISK_FILL), font: RISK_FONT },
      };
      cache.set(serviceId, styles);
    }
    return styles;
  };
}
