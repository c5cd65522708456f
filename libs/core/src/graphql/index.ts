export * from './context';
export * from './selection';
