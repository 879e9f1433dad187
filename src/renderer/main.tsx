// First, so the first screen's reads start before the rest is evaluated (early-reads.ts).
import './early-reads';
import { queryClient } from './hooks/first-reads';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './app/App';
import { DataProvider } from './hooks/data';
import './global.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <DataProvider client={queryClient}>
        <App />
      </DataProvider>
    </FluentProvider>
  </StrictMode>,
);
