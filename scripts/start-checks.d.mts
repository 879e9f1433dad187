export declare const MIN_NODE: string;
export declare const MIN_NODE_FOR_ELECTRON_DOWNLOAD: string;
export declare const SERVE_HINT: string;
export declare function compareVersions(a: string, b: string): -1 | 0 | 1;
export declare function electronInstalled(electronDir: string): boolean;
export declare function checkStart(input: { nodeVersion: string; hasElectron: boolean }): { status: 'ok' | 'download' } | { status: 'stop'; message: string };
