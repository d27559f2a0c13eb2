/**
 * The colour of a role or service the catalogue does not describe (a role from a newer file, a
 * service id without an entry). One grey for the canvas, the panels, the matrix and the workbook.
 */
export const UNKNOWN_COLOUR = '#94a3b8';
