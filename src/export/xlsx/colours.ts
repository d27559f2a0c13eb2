/** The workbook's colours: catalogue colours as Excel's ARGB, row tints and readable text. */
import type { Fill } from 'exceljs';
import { UNKNOWN_COLOUR } from '@/domain/colours';

export const HIGH_RISK_FILL = 'FFFFC7CE';
export const HIGH_RISK_FONT = 'FF9C0006';
export const HEADER_FILL = 'FFE2E8F0';
export const LINK_FONT = 'FF1D4ED8';
export const BORDER_COLOUR = 'FF64748B';
/** The "IP missing" text (amber 700). */
export const MISSING_FONT = 'FFB45309';
/** For a service the catalogue gives no colour (slate 400, as on the canvas). */
export const FALLBACK_COLOUR = UNKNOWN_COLOUR;

function parseHex(colour: string): [number, number, number] {
  const match = /^#?([0-9a-f]{6})$/i.exec(colour.trim()) ?? /^#?([0-9a-f]{6})$/i.exec(FALLBACK_COLOUR);
  const n = Number.parseInt(match?.[1] ?? '94a3b8', 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

function argb([r, g, b]: readonly number[]): string {
  return `FF${[r, g, b]
    .map((c) =>
      Math.round(c ?? 0)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`.toUpperCase();
}

/** The catalogue colour as Excel's ARGB (`#2563eb` → `FF2563EB`). */
export function colourArgb(colour: string): string {
  return argb(parseHex(colour));
}

/** Share of white mixed into a service colour for a light tint that black text stays readable on. */
export const ROW_TINT = 0.8;

/** A light tint of a catalogue colour (`#2563eb` → `FFD3E0FB`). */
export function tintArgb(colour: string, amount = ROW_TINT): string {
  return argb(parseHex(colour).map((c) => c + (255 - c) * amount));
}

/** Black or white text, whichever reads better on the colour. */
export function textOn(colour: string): string {
  const [r, g, b] = parseHex(colour).map((c) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return luminance < 0.3 ? 'FFFFFFFF' : 'FF000000';
}

/** A solid fill of an ARGB colour. */
export function solid(colour: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: colour } };
}
