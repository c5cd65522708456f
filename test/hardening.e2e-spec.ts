import { buildClientSchema, getIntrospectionQuery, GraphQLObjectType, printSchema } from 'graphql';
import { makePerson } from './support/factories';
import { errorCode, startTestApp, TestApp } from './support/test-app';

describe('Hardening and health (e2e)', () => {
  describe('in production', () => {
    let t: TestApp;
    let token: string;

    beforeAll(async () => {
      t = await startTestApp({ NODE_ENV: 'production' });
      token = (await makePerson(t)).token;
    });
    afterAll(() => t.close());

    it('turns introspection off', async () => {
      const response = await t.gql(`{ __schema { types { name } } }`, {}, token);
      expect(response.data).toBeUndefined();
      expect(errorCode(response)).toBe('GRAPHQL_VALIDATION_FAILED');
    });

    it('rejects over-deep, over-costly and over-aliased operations before running them', async () => {
      const deep = `{ me { organization { memberships { workingGroup { memberships { edges { node { organization { memberships { workingGroup { participants { edges { node { person { name } } } } } } } } } } } } } } }`;
      // 100 organisations × 100 people × 50 seats (Person.participations' bound) × 20 chairs of each seat's group.
      const costly = `{ organizations(first: 100) { edges { node { people(first: 100) { edges { node { name participations { workingGroup { chairs { name } } } } } } } } } }`;
      const aliased = `{ ${Array.from({ length: 60 }, (_, i) => `m${i}: me { id }`).join(' ')} }`;
      for (const query of [deep, costly, aliased]) {
        const { result, statements } = await t.counter.measure(() => t.gql(query, {}, token));
        expect(errorCode(result)).toBe('GRAPHQL_VALIDATION_FAILED');
        // Only the bearer-token lookup ran: the operation itself never reached the database.
        expect(statements.length).toBeLessThanOrEqual(1);
      }
    });

    it('sends security headers and refuses oversized bodies', async () => {
      const response = await fetch(`${t.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: `{ me { id } }`, variables: { pad: 'x'.repeat(2 * 1024 * 1024) } }),
      });
      expect(response.status).toBe(413);
      const ok = await fetch(`${t.url}/health/live`);
      expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
      expect(ok.headers.get('x-powered-by')).toBeNull();
      expect(ok.headers.get('content-security-policy')).toContain("default-src 'self'");
      expect(ok.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
      expect(ok.headers.get('x-frame-options')).toBe('SAMEORIGIN');
      // Errors and GraphQL answers carry them too, not only successful REST routes.
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      const graphql = await fetch(`${t.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ __typename }"}' });
      expect(graphql.headers.get('content-security-policy')).toContain("default-src 'self'");
      // Idle connections are kept longer than a load balancer's 60 s, so the server never closes one a client reuses.
      expect(ok.headers.get('keep-alive')).toBe('timeout=65');
    });

    it('answers null for a malformed id instead of a database error', async () => {
      // A malformed id reaching PostgreSQL would be an internal error; ids are checked first.
      const response = await t.gql(`{ organization(id: "not-a-uuid") { id } }`, {}, token);
      expect(response.data.organization).toBeNull();
      expect(response.errors).toBeUndefined();
    });
  });

  describe('health', () => {
    let t: TestApp;

    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t.close());

    it('reports liveness and database readiness', async () => {
      const live = await fetch(`${t.url}/health/live`);
      expect(live.status).toBe(200);
      const ready = await fetch(`${t.url}/health/ready`);
      expect(await ready.json()).toEqual({ status: 'ok', database: 'up' });
      const plain = await fetch(`${t.url}/health`);
      expect(plain.status).toBe(200);
    });

    it('answers the standard introspection query outside production (tools such as the sandbox and codegen rely on it)', async () => {
      const token = (await makePerson(t)).token;
      const response = await t.gql(getIntrospectionQuery(), {}, token);
      expect(response.errors).toBeUndefined();
      const schema = buildClientSchema(response.data);
      expect(Object.keys((schema.getType('CooperationProposal') as GraphQLObjectType).getFields())).toEqual(expect.arrayContaining(['title', 'leadOrganization']));
      expect(printSchema(schema)).toContain('proposalChanged');
    });

    it('reports not ready when the database is gone', async () => {
      await t.dataSource.destroy();
      const ready = await fetch(`${t.url}/health/ready`);
      expect(ready.status).toBe(503);
      expect(await ready.json()).toEqual({ status: 'error', database: 'down' });
    });
  });
});
