import { contextBridge, ipcRenderer } from 'electron';

/**
 * The page's only door to main: one function that sends a call by name. Which calls exist, and what
 * they take, is the shared contract's business; main checks both.
 */
contextBridge.exposeInMainWorld('liaison', {
  call: (name: string, input: unknown): Promise<unknown> => ipcRenderer.invoke('liaison:call', name, input),
});
