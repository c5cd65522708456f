export * from './governance.module';
export * from './audit/audit.module';
export * from './ballots';
