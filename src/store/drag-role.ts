/** The drag-and-drop data type that carries a role id from the palette to the canvas. */
export const ROLE_DRAG_TYPE = 'application/x-cm-port-planner-role';
