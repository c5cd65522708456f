export * from './access-token.entity';
export * from './auth.guard';
export * from './auth.service';
export * from './session.entity';
export * from './sign-in-link.entity';
export * from './sign-in-mail.worker';
export * from './sign-in.service';
export * from './tokens';
