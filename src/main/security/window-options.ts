/**
 * The renderer's web preferences. Kept free of Electron imports so a unit test can assert them.
 * The preload is the only bridge; the page gets no Node, no remote module and runs sandboxed.
 */
export const secureWebPreferences = (preload: string) =>
  ({
    preload,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    spellcheck: true,
    navigateOnDragDrop: false,
  }) as const;
