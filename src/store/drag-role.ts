/** The drag-and-drop data type that carries a role id from the palette to the canvas. */
export const ROLE_DRAG_TYPE = 'application/x-cm-port-planner-role';
/** The drag-and-drop data type that carries a zone kind from the palette to the canvas. */
export const ZONE_DRAG_TYPE = 'application/x-cm-port-planner-zone';
