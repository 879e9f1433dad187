// First, so the first screen's reads start before the rest is evaluated (early-reads.ts).
import './early-reads';
import { pressHeldKeys } from './held-keys';
import { firstReadsHeld, queryClient } from './hooks/first-reads';
import { loadFreshness } from './hooks/query-client';
import { StrictMode, useLayoutEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './app/App';
import { DataProvider } from './hooks/data';
import './global.css';

/** Last in the tree: its layout effect runs after the app's, in which the shortcuts start listening. */
function ThenHeldKeys() {
  useLayoutEffect(pressHeldKeys, []);
  return null;
}

void firstReadsHeld(400).then(() => {
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <FluentProvider theme={webLightTheme}>
        <DataProvider client={queryClient}>
          <App />
          <ThenHeldKeys />
        </DataProvider>
      </FluentProvider>
    </StrictMode>,
  );
  requestIdleCallback(() => void loadFreshness(), { timeout: 2_000 });
});
