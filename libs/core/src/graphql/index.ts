export * from './context';
export * from './selection';
export * from './max-items';
