import { redactHeaders } from './request-logger';

describe(redactHeaders.name, () => {
  it('hides credentials and keeps the other headers', () => {
    const headers = redactHeaders({ authorization: 'Bearer ecs_secret', Cookie: 'sid=1', 'user-agent': 'curl/8' });
    expect(headers).toEqual({ authorization: '[REDACTED]', Cookie: '[REDACTED]', 'user-agent': 'curl/8' });
    expect(JSON.stringify(headers)).not.toContain('ecs_secret');
  });
});
