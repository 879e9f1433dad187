/// <reference types="vite/client" />

interface Window {
  /** Present only in the desktop app: the preload's bridge to main. */
  liaison?: { call(name: string, input: unknown): Promise<unknown> };
}
