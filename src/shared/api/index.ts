export * from './result';
export * from './define';
export * from './files';
export * from './app';
export * from './reports';
export * from './settings';
export * from './contract';
