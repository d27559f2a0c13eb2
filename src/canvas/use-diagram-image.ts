import { getNodesBounds, getViewportForBounds, useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useAppStoreApi } from '@/store/store-context';

export type ImageFormat = 'png' | 'svg';

const PADDING = 48;
const MAX_SIDE = 4096;

/** Turns a `data:` URL into bytes (for embedding the PNG in the workbook). */
export function dataUrlToBytes(dataUrl: string): Uint8Array {
  const comma = dataUrl.indexOf(',');
  const meta = dataUrl.slice(0, comma);
  const body = dataUrl.slice(comma + 1);
  if (meta.endsWith(';base64')) {
    const binary = atob(body);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    return bytes;
  }
  return new TextEncoder().encode(decodeURIComponent(body));
}

/**
 * Renders the whole diagram (not just the visible part) to a PNG or SVG `data:` URL with
 * html-to-image, framing every host with a margin. html-to-image loads only when first used.
 */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

export function useDiagramImage(): (format: ImageFormat) => Promise<string> {
  const flow = useReactFlow();
  const store = useAppStoreApi();
  const { t } = useTranslation('canvas');
  return useCallback(
    async (format: ImageFormat) => {
      const viewportEl = document.querySelector<HTMLElement>('.diagram .react-flow__viewport');
      // Placeholders of missing roles are hints on screen, not part of the diagram.
      const nodes = flow.getNodes().filter((n) => n.type === 'host');
      if (!viewportEl || nodes.length === 0) throw new Error(t('diagram.imageEmpty'));
      const { toPng, toSvg } = await import('html-to-image');
      const bounds = getNodesBounds(nodes);
      const width = Math.min(MAX_SIDE, Math.max(640, Math.ceil(bounds.width + PADDING * 2)));
      const height = Math.min(MAX_SIDE, Math.max(400, Math.ceil(bounds.height + PADDING * 2)));
      const view = getViewportForBounds(bounds, width, height, 0.1, 1, PADDING / Math.max(width, height));
      const options = {
        backgroundColor: '#ffffff',
        width,
        height,
        style: {
          width: `${width}px`,
          height: `${height}px`,
          transform: `translate(${view.x}px, ${view.y}px) scale(${view.zoom})`,
        },
      };
      // A picture goes into documents and change requests: always the light palette, whatever the
      // screen shows (the white background would otherwise carry dark-mode hosts).
      const root = document.documentElement;
      const theme = root.getAttribute('data-theme');
      root.setAttribute('data-theme', 'light');
      store.getState().setCapturing(true);
      try {
        await nextFrame();
        await nextFrame();
        return format === 'png'
          ? await toPng(viewportEl, { ...options, pixelRatio: 2 })
          : await toSvg(viewportEl, options);
      } finally {
        store.getState().setCapturing(false);
        if (theme === null) root.removeAttribute('data-theme');
        else root.setAttribute('data-theme', theme);
      }
    },
    [flow, store, t],
  );
}
