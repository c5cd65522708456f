export * from './mail.service';
export * from './templates';
