export * from './dto/priority.input';
export * from './priorities.loader';
export * from './priorities.module';
export * from './priorities.service';
export * from './priority.entity';
export * from './priority.enums';
export * from './priority.model';
export * from './priority.policy';
