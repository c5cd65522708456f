import { Module } from '@nestjs/common';
import { EmailSender } from './email/email-sender.service';
import { NotificationExpander } from './notification-expander.service';
import { NotificationsWorker } from './notifications.worker';

@Module({
  providers: [NotificationExpander, EmailSender, NotificationsWorker],
  exports: [EmailSender, NotificationExpander],
})
export class NotificationsModule {}
