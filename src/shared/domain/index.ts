export * from './ids';
export * from './grades';
export * from './anchor';
export * from './extraction';
export * from './report';
export * from './finding';
export * from './notes';
export * from './paper';
