export * from './mail.service';
export * from './templates';
export { HandOffHook } from './smtp-hand-off';
