export * from './organization-kind.enum';
export * from './organization.entity';
export * from './organization.model';
export * from './organization-connection.model';
export * from './organizations.loader';
export * from './organizations.module';
export * from './organizations.service';
