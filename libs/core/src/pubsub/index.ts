export * from './pubsub.service';
