export * from './connection.args';
export * from './connection.model';
export * from './cursor';
export * from './keyset';
export * from './page-info.model';
export * from './batched';
