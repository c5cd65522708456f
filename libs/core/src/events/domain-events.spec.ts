import { DataSource, EntityManager } from 'typeorm';
import { sql } from '../database/sql-fragment';
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

  it('runs writers inside publish, on the transaction of the change', async () => {
    const events = new DomainEvents(dataSource);
    events.onEventWrite((e, offset, gate) => ({ sql: `INSERT ${e.type} $${offset + 1} ${gate ?? 'ungated'}`, params: ['v'] }));
    events.onEventWrite(() => null);
    const query = jest.fn();
    const em = { queryRunner: { isTransactionActive: true, data: {} }, query } as unknown as EntityManager;
    await events.publish(em, event);
    expect(query.mock.calls).toEqual([['INSERT PROPOSAL_SUBMITTED $1 ungated', ['v']]]);
  });

  it("joins several writers' writes in one statement", async () => {
    const events = new DomainEvents(dataSource);
    events.onEventWrite((e, offset) => ({ sql: `INSERT A $${offset + 1}`, params: ['a'] }));
    events.onEventWrite(() => null);
    events.onEventWrite((e, offset) => ({ sql: `INSERT B $${offset + 1} $${offset + 2}`, params: ['b', 'c'] }));
    const query = jest.fn();
    const em = { queryRunner: { isTransactionActive: true, data: {} }, query } as unknown as EntityManager;
    await events.publish(em, event);
    expect(query.mock.calls).toEqual([['WITH event_write_1 AS (INSERT A $1),\nevent_write_2 AS (INSERT B $2 $3)\nSELECT 1', ['a', 'b', 'c']]]);
  });

  it('embeds writers as gated CTEs numbered after the offset, and announces embedded events once told', async () => {
    const events = new DomainEvents(dataSource);
    events.onEventWrite((e, offset, gate) => ({ sql: `A $${offset + 1} $${offset + 2} FROM ${gate}`, params: [1, 2] }));
    events.onEventWrite(() => null);
    events.onEventWrite((e, offset, gate) => ({ sql: `B $${offset + 1} FROM ${gate}`, params: [3] }));
    const committed = jest.fn();
    events.onCommitted(committed);
    expect(events.embed(event, 4, 'written')).toEqual({
      sql: 'event_write_1 AS (A $5 $6 FROM written),\nevent_write_2 AS (B $7 FROM written)',
      params: [1, 2, 3],
    });
    expect(committed).not.toHaveBeenCalled();
    events.announceEmbedded([event]);
    expect(committed).toHaveBeenCalledWith([event]);
  });

  it("runs writeWith's write and the event's writes as one statement, announced when the caller's transaction commits", async () => {
    const events = new DomainEvents(dataSource);
    events.onEventWrite((e, offset, gate) => ({ sql: `INSERT audit $${offset + 1} FROM ${gate}`, params: ['a'] }));
    const committed = jest.fn();
    events.onCommitted(committed);
    const query = jest.fn().mockResolvedValue([]);
    const em = { queryRunner: { isTransactionActive: true, data: {} }, query } as unknown as EntityManager;
    await events.writeWith(em, sql`INSERT file ${'f'} RETURNING id`, event);
    expect(query).toHaveBeenCalledWith('WITH written AS (INSERT file $1 RETURNING id),\nevent_write_1 AS (INSERT audit $2 FROM written)\nSELECT 1', ['f', 'a']);
    expect(committed).not.toHaveBeenCalled();
    events.afterTransactionCommit({ queryRunner: em.queryRunner } as never);
    expect(committed).toHaveBeenCalledWith([event]);
    // Outside a transaction its one statement has committed: announced at once.
    await events.writeWith({ query } as unknown as DataSource, sql`INSERT file ${'g'} RETURNING id`, event);
    expect(committed).toHaveBeenCalledTimes(2);
  });

  it('refuses to embed an event that a transactional handler accepts (code cannot join a statement)', () => {
    const events = new DomainEvents(dataSource);
    const stop = events.onEvent(async () => undefined, (type) => type.startsWith('MEETING_'));
    expect(events.embed(event, 0, 'written')).toEqual({ sql: '', params: [] });
    events.onEvent(async () => undefined);
    expect(() => events.embed(event, 0, 'written')).toThrow('PROPOSAL_SUBMITTED has transactional handlers');
    stop();
  });
});
