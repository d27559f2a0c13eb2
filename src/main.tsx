import '@xyflow/react/dist/style.css';
// Tokens first; the rest in the order of the one stylesheet they came from (equal selectors: later wins).
import '@/styles/tokens.css';
import '@/styles/tokens-dark.css';
import '@/styles/base.css';
import '@/styles/layout.css';
import '@/styles/toolbar.css';
import '@/styles/notices.css';
import '@/styles/controls.css';
import '@/styles/badges.css';
import '@/styles/palette.css';
import '@/styles/panels.css';
import '@/styles/problems.css';
import '@/styles/canvas.css';
import '@/styles/edges.css';
import '@/styles/table.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from '@/app';
import { bootStore } from '@/store/boot';

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
const { store } = bootStore(window);
createRoot(root).render(
  <StrictMode>
    <App store={store} />
  </StrictMode>,
);
