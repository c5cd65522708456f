export * from './domain-error';
export * from './format-error';
export * from './validation';
export * from './domain-error.filter';
