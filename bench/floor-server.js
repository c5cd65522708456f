#!/usr/bin/env node
// The floor (issue 21): the best any Node server can do here for the flat list — a bare node:http server
// with a pg pool of the platform's size that runs the platform's own statement for a member's flat list
// (captured at the wire from the platform by bench/run.js, same SQL and parameters, prepared like the
// platform's) and answers the same JSON. No GraphQL, no validation, no authentication: what is left is
// HTTP, the statement and JSON.
//   DATABASE_URL=… FLOOR_STATEMENT=/path/statement.json PORT=0 POOL_SIZE=10 node bench/floor-server.js
// FLOOR_STATEMENT holds { text, values }; the statement reads one row more than the page (first + 1, to
// know whether there is a next page), which the floor drops as the platform does. Prints `listening <port>`.
const fs = require('node:fs');
const http = require('node:http');
const path = require('node:path');

const root = path.join(__dirname, '..');
// The platform's own driver (not bench/node_modules' copy) and its timestamptz parser (pg's type parsers
// are per module instance), so the floor does not pay for postgres-date's regular expressions where the
// platform does not.
const { Pool } = require(path.join(root, 'node_modules', 'pg'));

require(path.join(root, 'dist', 'libs', 'core', 'src', 'database', 'timestamp-parser.js')).useFastTimestamptz();

const statement = JSON.parse(fs.readFileSync(process.env.FLOOR_STATEMENT, 'utf8'));
const pool = new Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL_SIZE ?? 10) });
const query = { name: 'floor-flat', text: statement.text, values: statement.values };
const FIRST = 50;
const FIELDS = ['id', 'title', 'state', 'kind', 'supportCount', 'createdAt'];
const snake = (name) => name.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Which column of the platform's row holds each GraphQL field, whichever alias the statement gave it (worked out once). */
let columns = null;
function columnsOf(fields) {
  const names = new Set(fields.map((f) => f.name));
  return FIELDS.map((field) => [field, [field, snake(field), `p_${snake(field)}`].find((key) => names.has(key))]);
}

const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', async () => {
    try {
      const { rows, fields } = await pool.query(query);
      columns ??= columnsOf(fields);
      const edges = rows.slice(0, FIRST).map((row) => {
        const node = {};
        for (const [field, column] of columns) node[field] = row[column];
        return { node };
      });
      const body = JSON.stringify({ data: { proposals: { edges } } });
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) });
      res.end(body);
    } catch (error) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    }
  });
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
const stop = () => server.close(() => pool.end().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
