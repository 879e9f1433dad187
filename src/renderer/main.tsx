import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './app/App';
import { DataProvider } from './hooks/data';
import './global.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <FluentProvider theme={webLightTheme}>
      <DataProvider>
        <App />
      </DataProvider>
    </FluentProvider>
  </StrictMode>,
);
