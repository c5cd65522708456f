// The benchmarks' own throw-away database: `ecava_bench_*` on BENCH_DATABASE_SERVER (default: the local
// PostgreSQL), never the test or dev one; dropped at the end.
const { randomBytes } = require('node:crypto');
const { Client } = require('pg');

const SERVER = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function createDatabase() {
  const name = `ecava_bench_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new Client({ connectionString: SERVER, connectionTimeoutMillis: 3000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  return {
    name,
    url: url.toString(),
    async drop() {
      const client = new Client({ connectionString: SERVER });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

module.exports = { SERVER, createDatabase };
