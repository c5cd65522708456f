export * from './antitrust/antitrust-statements';
export * from './antitrust/antitrust-summary';
export * from './antitrust/antitrust.module';
export * from './antitrust/antitrust.service';
export * from './governance.module';
export * from './audit/audit.module';
export * from './ballots';
