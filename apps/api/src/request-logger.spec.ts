import { ConsoleLogger } from '@nestjs/common';
import { BatchedLines, redactHeaders, requestLogLine } from './request-logger';

describe(redactHeaders.name, () => {
  it('hides credentials and keeps the other headers', () => {
    const headers = redactHeaders({ authorization: 'Bearer ecs_secret', Cookie: 'sid=1', 'user-agent': 'curl/8' });
    expect(headers).toEqual({ authorization: '[REDACTED]', Cookie: '[REDACTED]', 'user-agent': 'curl/8' });
    expect(JSON.stringify(headers)).not.toContain('ecs_secret');
  });
});

describe(requestLogLine.name, () => {
  it('writes the line Nest’s JSON logger would, credentials redacted', () => {
    const headers = { authorization: 'Bearer ecs_secret', 'user-agent': 'curl/8' };
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((text) => (written.push(String(text)), true));
    try {
      new ConsoleLogger({ json: true }).log({ msg: 'request', method: 'POST', path: '/graphql', status: 200, ms: 1.5, headers: redactHeaders(headers) }, 'HTTP');
    } finally {
      write.mockRestore();
    }
    const nest = JSON.parse(written[0]) as { timestamp: number };

    const line = requestLogLine('POST', '/graphql', 200, 1.5, headers, nest.timestamp);
    expect(line.endsWith('\n')).toBe(true);
    expect(JSON.parse(line)).toEqual(nest);
    expect(line).not.toContain('ecs_secret');
  });
});

describe(BatchedLines.name, () => {
  it('writes the lines of one turn of the event loop together, in order', async () => {
    const writes: string[] = [];
    const lines = new BatchedLines((text) => writes.push(text));
    lines.push('a\n');
    lines.push('b\n');
    expect(writes).toEqual([]);
    await new Promise((resolve) => setImmediate(resolve));
    lines.push('c\n');
    await new Promise((resolve) => setImmediate(resolve));
    expect(writes).toEqual(['a\nb\n', 'c\n']);
  });

  it('writes what is pending when flushed (as on exit)', () => {
    const writes: string[] = [];
    const lines = new BatchedLines((text) => writes.push(text));
    lines.push('last\n');
    lines.flush();
    lines.flush();
    expect(writes).toEqual(['last\n']);
  });
});
