import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..');

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the built server as `npm start` does, with no DATABASE_URL, and waits until it answers. */
async function startServer(dataDir: string, port: number): Promise<ChildProcess> {
  const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), NODE_ENV: 'development' };
  delete env.DATABASE_URL;
  const child = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], { env, cwd: dataDir, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (chunk) => (stderr += chunk));
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (response.ok) return child;
    } catch {
      // not up yet
    }
    if (child.exitCode !== null) throw new Error(`server exited: ${stderr}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  child.kill('SIGKILL');
  throw new Error(`server did not answer in 30 s: ${stderr}`);
}

function stop(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    child.once('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });
}

describe('Embedded PostgreSQL (e2e)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'ecava-embedded-'));

  beforeAll(() => {
    execFileSync(process.execPath, [join(root, 'scripts/build.js'), '--if-stale']);
    execFileSync(process.execPath, [join(root, 'dist/apps/cli/src/main.js'), 'seed'], {
      env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      cwd: dataDir,
    });
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('serves GraphQL with no DATABASE_URL and keeps the data across restarts', async () => {
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' };
    const token = execFileSync(
      process.execPath,
      [join(root, 'dist/apps/cli/src/main.js'), 'create-admin', '--email', 'admin@ecava.example', '--name', 'Ada', '--organization', 'ECAVA Secretariat'],
      { env, cwd: dataDir, encoding: 'utf8' },
    )
      .trim()
      .split('\n')
      .pop()!;
    expect(token).toMatch(/^ecp_/);

    const port = await freePort();
    const query = async (body: string) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
      });
      return (await response.json()) as any;
    };

    let server = await startServer(dataDir, port);
    const created = await query(
      JSON.stringify({ query: `mutation { createOrganization(input: { name: "Persisted GmbH", kind: OEM, country: "DE" }) { id } }` }),
    );
    const id = created.data.createOrganization.id;
    const groups = await query(JSON.stringify({ query: `{ workingGroups { slug } }` }));
    expect(groups.data.workingGroups).toHaveLength(4);

    // The README's first session: the link is queued and the in-process worker writes its .eml file.
    const requested = await query(
      JSON.stringify({ query: `mutation ($email: String!) { requestSignInLink(email: $email) }`, variables: { email: 'admin@ecava.example' } }),
    );
    expect(requested).toEqual({ data: { requestSignInLink: true } });
    const mailDir = join(dataDir, 'mail');
    const deadline = Date.now() + 15_000;
    while (!(existsSync(mailDir) && readdirSync(mailDir).some((f) => f.endsWith('.eml'))) && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
    }
    const eml = readdirSync(mailDir).find((f) => f.endsWith('.eml'))!;
    const { simpleParser } = await import('mailparser');
    const linkToken = /token=([\w-]+)/.exec((await simpleParser(readFileSync(join(mailDir, eml)))).text!)![1];
    const signedIn = await query(
      JSON.stringify({ query: `mutation ($token: String!) { signIn(token: $token) { person { name } } }`, variables: { token: linkToken } }),
    );
    expect(signedIn).toEqual({ data: { signIn: { person: { name: 'Ada' } } } });
    expect(await stop(server)).toBe(0);

    server = await startServer(dataDir, port);
    const again = await query(JSON.stringify({ query: `query ($id: ID!) { organization(id: $id) { name } }`, variables: { id } }));
    expect(again.data.organization).toEqual({ name: 'Persisted GmbH' });
    // Search runs there too: the unaccent extension is loaded, its configurations and indexes migrated.
    const found = await query(
      JSON.stringify({
        query: `{ prefix: search(query: "Hamm", kinds: [ORGANIZATION]) { edges { node { snippet node { ... on Organization { name } } } } }
                  accents: search(query: "Muller", kinds: [PERSON]) { edges { node { snippet node { ... on Person { name } } } } } }`,
      }),
    );
    expect(found.data.prefix.edges).toEqual([{ node: { snippet: expect.stringContaining('«HammerHAI»'), node: { name: 'HammerHAI AI Factory' } } }]);
    expect(found.data.accents.edges).toEqual([{ node: { snippet: 'Katrin «Müller»', node: { name: 'Katrin Müller' } } }]);
    expect(await stop(server)).toBe(0);
  });
});
