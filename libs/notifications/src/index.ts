export * from './email/email-sender.service';
export * from './email/unsubscribe-token';
export * from './notification-expander.service';
export * from './notification.entity';
export * from './notification.enums';
export * from './notifications.module';
