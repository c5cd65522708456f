export * from './queue.service';
