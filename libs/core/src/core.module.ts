import { DynamicModule, Global, Module } from '@nestjs/common';
import { AuthService } from './auth/auth.service';
import { LiveConnections } from './auth/live-connections';
import { SignInMailWorker } from './auth/sign-in-mail.worker';
import { SignInService } from './auth/sign-in.service';
import { AppConfig } from './config/config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DomainEvents } from './events/domain-events';
import { MailService } from './mail/mail.service';
import { PubSubService } from './pubsub/pubsub.service';
import { QueueService } from './queue/queue.service';

/** Configuration, database, mail, authentication, queue and pub/sub, shared by the API, the worker and the CLI. */
@Global()
@Module({})
export class CoreModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CoreModule,
      imports: [ConfigModule.forRoot(config), DatabaseModule],
      providers: [AuthService, LiveConnections, SignInService, SignInMailWorker, MailService, DomainEvents, QueueService, PubSubService],
      exports: [ConfigModule, DatabaseModule, AuthService, LiveConnections, SignInService, MailService, DomainEvents, QueueService, PubSubService],
    };
  }
}
