/** The UI slice: measured sizes, the view, panels. Never saved, exported or undone. */
import type { SliceCreator, UiSlice } from './store-types';
import type { MatrixFilterUi } from './ui-types';

// UiSlice (store-types.ts) gains the matrix filter here until store-types declares it itself.
declare module './store-types' {
  interface UiSlice extends MatrixFilterUi {}
}

export const createUiSlice: SliceCreator<UiSlice> = (set, get) => ({
  measured: {},
  viewCenter: { x: 0, y: 0 },
  fitRequest: 0,
  linkPlaces: null,
  layoutColumn: null,
  sidePanel: 'inspector',
  matrixSize: 'normal',
  capturing: false,
  matrixFilter: '',

  setMeasured(sizes) {
    const { measured } = get();
    const changed = Object.entries(sizes).filter(
      ([id, s]) => measured[id]?.width !== s.width || measured[id]?.height !== s.height,
    );
    if (changed.length > 0) set({ measured: { ...measured, ...Object.fromEntries(changed) } });
  },
  setViewCenter(center) {
    const old = get().viewCenter;
    if (old.x !== center.x || old.y !== center.y) set({ viewCenter: center });
  },
  setSidePanel(panel) {
    set({ sidePanel: panel });
  },
  setMatrixSize(size) {
    set({ matrixSize: size });
  },
  setCapturing(on) {
    set({ capturing: on });
  },
  setMatrixFilter(text) {
    if (text !== get().matrixFilter) set({ matrixFilter: text });
  },
});
