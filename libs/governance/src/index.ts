export * from './governance.module';
export * from './ballots';
