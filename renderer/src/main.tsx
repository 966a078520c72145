/** Renderer entry: wires host events once, then renders the window the URL hash names. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startSubscriptions } from './api/subscriptions';
import { App } from './app';
import './styles/base.css';
import './styles/controls.css';
import './styles/dialog-window.css';
import './styles/console.css';

startSubscriptions();

const rootElement = document.getElementById('root');
if (!rootElement) throw new Error('index.html has no #root element');
createRoot(rootElement).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
