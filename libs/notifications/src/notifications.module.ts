import { Module } from '@nestjs/common';
import { MeetingPrepModule } from '@app/meeting-prep';
import { MeetingAttachments } from './email/attachments/meeting-attachments';
import { EmailSender } from './email/email-sender.service';
import { LiveNotifications } from './live/live-notifications.service';
import { LivePublisher } from './live/live-publisher.service';
import { NotificationAddedResolver } from './live/notification-added.resolver';
import { ProposalChangedResolver } from './live/proposal-changed.resolver';
import { DigestSchedule } from './digests/digest-schedule';
import { DigestSender } from './digests/digest-sender.service';
import { DigestsService } from './digests/digests.service';
import { FeedResolver } from './feed/feed.resolver';
import { FeedService } from './feed/feed.service';
import { NotificationExpander } from './notification-expander.service';
import { NotificationsWorker } from './notifications.worker';
import { NotificationPreferencesResolver, PersonNotificationPreferencesResolver } from './preferences/preferences.resolver';
import { NotificationPreferencesService } from './preferences/preferences.service';
import { DataPoolExpiryReminders } from './scheduled/data-pool-expiry.service';
import { ReminderScheduler } from './scheduled/reminders.service';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { UnsubscribeService } from './unsubscribe/unsubscribe.service';

@Module({
  // Meeting emails attach the meeting-prep ICS and PDF.
  imports: [MeetingPrepModule],
  providers: [
    NotificationExpander,
    EmailSender,
    NotificationsWorker,
    // Live updates (subscriptions)
    LivePublisher,
    LiveNotifications,
    NotificationAddedResolver,
    ProposalChangedResolver,
    // Meeting attachments and scheduled reminders (brief ready, due tomorrow)
    MeetingAttachments,
    ReminderScheduler,
    // Data pools: 30 and 7 days before a pool's validity ends
    DataPoolExpiryReminders,
    // Feed, preferences, digests and one-click unsubscribe
    FeedService,
    FeedResolver,
    NotificationPreferencesService,
    NotificationPreferencesResolver,
    PersonNotificationPreferencesResolver,
    DigestSender,
    DigestsService,
    DigestSchedule,
    UnsubscribeService,
  ],
  controllers: [UnsubscribeController],
  exports: [EmailSender, NotificationExpander, ReminderScheduler, DataPoolExpiryReminders, DigestsService, NotificationPreferencesService],
})
export class NotificationsModule {}
