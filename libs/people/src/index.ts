export * from './dto/invite-person.input';
export * from './people.loader';
export * from './people.module';
export * from './people.service';
export * from './person-connection.model';
export * from './person.entity';
export * from './person.enums';
export * from './person.model';
