#!/usr/bin/env node
// PostGraphile v5 (amber preset) on the benchmark database, for bench/run.js. Runs under Node 22
// (bench/node_modules/.bin/node, from the `node` npm package); PostGraphile v5 needs Node ≥ 22.
//   DATABASE_URL=postgres://…/ecava_bench_x PORT=0 POOL_SIZE=10 bench/node_modules/.bin/node bench/postgraphile-server.js
// Prints `listening <port>` once it serves /graphql. Production-like settings: no GraphiQL, no
// watch mode, no explain, no stack traces.
// With RLS=1 every request runs as the viewer the headers `x-ecava-person` and `x-ecava-organization` name,
// under the row-level security policies of bench/rls.js (applied by bench/run.js): PostGraphile's own
// way of doing visibility, `pgSettings` set in each request's transaction. (The headers stand in for a
// JWT, whose verification PostGraphile would also do per request: this favours PostGraphile slightly.)
const http = require('node:http');
const { Pool } = require('pg');
const { postgraphile } = require('postgraphile');
const { PostGraphileAmberPreset } = require('postgraphile/presets/amber');
const { makePgService } = require('postgraphile/adaptors/pg');
const { grafserv } = require('postgraphile/grafserv/node');
const { viewerSettings } = require('./rls');

async function main() {
  const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
  const preset = {
    extends: [PostGraphileAmberPreset],
    pgServices: [makePgService({ pool, schemas: ['public'] })],
    grafserv: { graphqlPath: '/graphql', graphiql: false, watch: false, maxRequestLength: 1_000_000 },
    grafast: {
      explain: false,
      ...(process.env.RLS === '1' && {
        context(requestContext) {
          const headers = requestContext.node?.req?.headers ?? {};
          return { pgSettings: viewerSettings(headers['x-ecava-person'], headers['x-ecava-organization']) };
        },
      }),
    },
  };
  const pgl = postgraphile(preset);
  const serv = pgl.createServ(grafserv);
  const server = http.createServer();
  server.keepAliveTimeout = 65_000;
  serv.addTo(server);
  await pgl.getSchema();
  await new Promise((resolve) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', resolve));
  console.log(`listening ${server.address().port}`);
  const stop = async () => {
    server.close();
    await pgl.release();
    await pool.end();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
