import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App, startLanding } from './app';
import './styles.css';

startLanding();
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
