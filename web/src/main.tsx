import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { setupI18n } from './app/i18n/setup.js';
import { Root } from './app/Root.js';
import './app/global.css';

setupI18n();

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <Root />
  </StrictMode>,
);
