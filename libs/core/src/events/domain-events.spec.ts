import { DataSource, EntityManager } from 'typeorm';
import { DomainEvent, DomainEvents } from './domain-events';

describe(DomainEvents.name, () => {
  const dataSource = { subscribers: [] } as unknown as DataSource;
  const inTransaction = () => ({ queryRunner: { isTransactionActive: true, data: {} } }) as unknown as EntityManager;
  const event: DomainEvent = { type: 'PROPOSAL_SUBMITTED', actorId: 'p1' };

  it('runs transactional handlers at once and committed handlers only after the commit', async () => {
    const events = new DomainEvents(dataSource);
    const seen: string[] = [];
    events.onEvent(async (e) => void seen.push(`tx:${e.type}`));
    events.onCommitted((list) => list.forEach((e) => seen.push(`committed:${e.type}`)));
    const em = inTransaction();
    await events.publish(em, event);
    expect(seen).toEqual(['tx:PROPOSAL_SUBMITTED']);
    events.afterTransactionCommit({ queryRunner: em.queryRunner } as never);
    expect(seen).toEqual(['tx:PROPOSAL_SUBMITTED', 'committed:PROPOSAL_SUBMITTED']);
  });

  it('drops the events of a rolled-back transaction', async () => {
    const events = new DomainEvents(dataSource);
    const committed = jest.fn();
    events.onCommitted(committed);
    const em = inTransaction();
    await events.publish(em, event);
    events.afterTransactionRollback({ queryRunner: em.queryRunner } as never);
    events.afterTransactionCommit({ queryRunner: em.queryRunner } as never);
    expect(committed).not.toHaveBeenCalled();
  });

  it('registers itself as a TypeORM subscriber once', () => {
    const events = new DomainEvents(dataSource);
    events.onModuleInit();
    events.onModuleInit();
    expect(dataSource.subscribers.filter((s) => s === (events as never))).toHaveLength(1);
  });
});
