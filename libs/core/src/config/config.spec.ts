import { availableParallelism } from 'node:os';
import { ConfigError, loadConfig, parseDuration } from './config';

describe(loadConfig.name, () => {
  it('applies the documented defaults', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.smtpUrl).toBeUndefined();
    expect(config.publicUrl).toBe('http://localhost:3000');
    expect(config.sessionTtlSeconds).toBe(30 * 86400);
    expect(config.nodeEnv).toBe('development');
    expect(config.dataDir).toMatch(/\/data$/);
  });

  it("takes the directory a command was run from from npm's INIT_CWD, else the working directory", () => {
    expect(loadConfig({ INIT_CWD: '/home/ada/briefs' }).invocationDir).toBe('/home/ada/briefs');
    expect(loadConfig({}).invocationDir).toBe(process.cwd());
  });

  it('bounds export rendering: threads default to the cores less one, two exports in flight per person', () => {
    const defaults = loadConfig({});
    expect(defaults.exportRenderThreads).toBe(Math.max(1, availableParallelism() - 1));
    expect(defaults.exportConcurrencyPerPerson).toBe(2);
    const set = loadConfig({ EXPORT_RENDER_THREADS: '3', EXPORT_CONCURRENCY_PER_PERSON: '1' });
    expect([set.exportRenderThreads, set.exportConcurrencyPerPerson]).toEqual([3, 1]);
    expect(() => loadConfig({ EXPORT_RENDER_THREADS: '0' })).toThrow(/EXPORT_RENDER_THREADS must be an integer from 1 to 64/);
  });

  it('names every malformed setting at once', () => {
    let error: unknown;
    try {
      loadConfig({ PORT: 'abc', DATABASE_URL: 'mysql://x', SESSION_TTL: '3 weeks', NODE_ENV: 'staging' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as ConfigError).message;
    for (const name of ['PORT', 'DATABASE_URL', 'SESSION_TTL', 'NODE_ENV']) expect(message).toContain(name);
  });

  it('reads DATABASE_PREPARED_STATEMENTS (default on)', () => {
    expect(loadConfig({}).preparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).preparedStatements).toBe(false);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'sometimes' })).toThrow('DATABASE_PREPARED_STATEMENTS');
  });

  it('reads HEAP_GROWING_PERCENT (default 100, 0 for V8 own factor) and refuses a negative one', () => {
    expect(loadConfig({}).heapGrowingPercent).toBe(100);
    expect(loadConfig({ HEAP_GROWING_PERCENT: '0' }).heapGrowingPercent).toBe(0);
    expect(() => loadConfig({ HEAP_GROWING_PERCENT: '-5' })).toThrow('HEAP_GROWING_PERCENT');
  });

  it('strips the trailing slash of PUBLIC_URL', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://wg.ecava.eu/' }).publicUrl).toBe('https://wg.ecava.eu');
  });

  it('requires SIGNING_SECRET in production and names it', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/SIGNING_SECRET is required in production/);
    expect(() => loadConfig({ NODE_ENV: 'production', SIGNING_SECRET: 'short' })).toThrow(/SIGNING_SECRET must be at least 32/);
    const secret = 'x'.repeat(32);
    expect(loadConfig({ NODE_ENV: 'production', SIGNING_SECRET: secret }).signingSecret).toBe(secret);
  });

  it('derives the development signing secret from DATA_DIR, so instances on one data folder agree', () => {
    const a = loadConfig({ DATA_DIR: '/srv/ecava-a' }).signingSecret;
    expect(loadConfig({ DATA_DIR: '/srv/ecava-a' }).signingSecret).toBe(a);
    expect(loadConfig({ DATA_DIR: '/srv/ecava-b' }).signingSecret).not.toBe(a);
    expect(a.length).toBeGreaterThanOrEqual(32);
  });

  it('reads EXPORT_TTL (default 15 minutes, at most 7 days)', () => {
    expect(loadConfig({}).exportTtlSeconds).toBe(900);
    expect(loadConfig({ EXPORT_TTL: '1h' }).exportTtlSeconds).toBe(3600);
    expect(() => loadConfig({ EXPORT_TTL: '8d' })).toThrow(/EXPORT_TTL/);
    expect(() => loadConfig({ EXPORT_TTL: 'soon' })).toThrow(/EXPORT_TTL/);
  });

  it('reads the notification queue timings (defaults: retry after 10 s, job timeout 15 min, maintenance every 2 min)', () => {
    const defaults = loadConfig({});
    expect([defaults.notifyRetryDelaySeconds, defaults.notifyJobTimeoutSeconds, defaults.queueMaintenanceSeconds]).toEqual([10, 900, 120]);
    const fast = loadConfig({ NOTIFY_RETRY_DELAY_SECONDS: '1', NOTIFY_JOB_TIMEOUT_SECONDS: '5', QUEUE_MAINTENANCE_SECONDS: '2' });
    expect([fast.notifyRetryDelaySeconds, fast.notifyJobTimeoutSeconds, fast.queueMaintenanceSeconds]).toEqual([1, 5, 2]);
    expect(() => loadConfig({ NOTIFY_RETRY_DELAY_SECONDS: '0' })).toThrow(/NOTIFY_RETRY_DELAY_SECONDS/);
    expect(() => loadConfig({ NOTIFY_JOB_TIMEOUT_SECONDS: '86400' })).toThrow(/NOTIFY_JOB_TIMEOUT_SECONDS/);
    expect(() => loadConfig({ QUEUE_MAINTENANCE_SECONDS: 'often' })).toThrow(/QUEUE_MAINTENANCE_SECONDS/);
  });
});

describe(parseDuration.name, () => {
  it.each([
    ['3600', 3600],
    ['90m', 5400],
    ['12h', 43200],
    ['30d', 2592000],
  ])('reads %s', (input, seconds) => expect(parseDuration(input)).toBe(seconds));

  it.each(['', '0', '-5m', '1w', 'soon'])('rejects %p', (input) => expect(parseDuration(input)).toBeNull());
});
