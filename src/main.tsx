import '@xyflow/react/dist/style.css';
import '@/styles/app.css';
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
