import { execFile, execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createPool } from './support/data-pools';
import { insertAgenda, insertMeeting, makeGroup, makePerson, seat } from './support/factories';
import { startTestApp, TestApp } from './support/test-app';

/**
 * The CLI as a user runs it: `npm run cli -- …` starts `node dist/apps/cli/src/main.js` in the package
 * root with INIT_CWD set to the directory the user typed the command in. Each test runs the built CLI as
 * a child process with that environment and checks its exit code, stderr and the files it writes.
 */
const root = join(__dirname, '..');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** A line of a stack trace, as Node and Nest print them. */
const STACK_LINE = /^\s+at .+[:(]/m;

describe('CLI (e2e)', () => {
  let work: string;

  /** Runs the CLI from the package root, as `npm run cli` does, with the user's directory as INIT_CWD. */
  async function cli(args: string[], env: Record<string, string> = {}): Promise<Outcome> {
    try {
      const { stdout, stderr } = await run(
        process.execPath,
        [join(root, 'dist/apps/cli/src/main.js'), ...args],
        {
          cwd: root,
          env: {
            PATH: process.env.PATH ?? '',
            NODE_ENV: 'development',
            DATA_DIR: join(work, 'data'),
            INIT_CWD: work,
            ...env,
          },
        },
      );
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  beforeAll(() => run(process.execPath, [join(root, 'scripts/build.js'), '--if-stale']));

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'ecava-cli-'));
  });

  afterEach(() => rmSync(work, { recursive: true, force: true }));

  describe('usage errors', () => {
    it('exits 2 on an unknown export format, with the message and the usage, before starting the database', async () => {
      const result = await cli(['export', 'meeting-brief', '--meeting', 'a1b2', '--format', 'odt']);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(
        '--format must be one of pdf, docx, markdown, ics, csv, xlsx, md (got "odt")',
      );
      expect(result.stderr).toContain('usage: npm run cli');
      expect(result.stderr).not.toMatch(STACK_LINE);
      // Nothing started: the embedded database never created its folder.
      expect(existsSync(join(work, 'data', 'pg'))).toBe(false);
    });

    it.each([
      [
        'an unknown option',
        'export meeting-brief --meeting a1b2 --format pdf --bogus',
        "Unknown option '--bogus'",
      ],
      ['a missing option', 'export meeting-brief --format pdf', '--meeting is required'],
      ['an unknown data-pool format', 'export data-pool --pool a1b2 --format pdf', '--format must be one of dcat-ap, odrl, agreement (got "pdf")'],
      [
        'a malformed value',
        'create-admin --email nope --name N --organization O',
        '--email must be a valid',
      ],
      ['an unknown platform role', 'set-role --email a@example.org --role BOSS', '--role must be one of ADMIN, COUNSEL, MEMBER (got "BOSS")'],
      ['an unknown command', 'frobnicate', 'usage: npm run cli'],
    ])('exits 2 on %s, without a stack trace', async (_, args, message) => {
      const result = await cli(args.split(' '));
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(message);
      expect(result.stderr).not.toMatch(STACK_LINE);
      expect(existsSync(join(work, 'data', 'pg'))).toBe(false);
    });
  });

  it('says once, without a stack trace, that the embedded database is in use, and exits 1', async () => {
    mkdirSync(join(work, 'data'));
    // This test process is alive, so its pid in the lock file means "in use".
    writeFileSync(join(work, 'data', 'pg.lock'), String(process.pid));
    const result = await cli(['migrate']);
    expect(result.code).toBe(1);
    expect(result.stderr.split('is in use by process').length - 1).toBe(1);
    expect(result.stderr).toContain(
      `The embedded database in ${join(work, 'data')}/ is in use by process ${process.pid}.`,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stdout).toBe('');
  });

  describe('export meeting-brief with a PostgreSQL server', () => {
    let t: TestApp;
    let meeting: string;

    beforeAll(async () => {
      t = await startTestApp();
      const chair = await makePerson(t, { name: 'Katrin Müller' });
      meeting = await insertMeeting(t, chair, null, {
        title: 'Launch workshop',
        startsAt: '2026-02-05T08:00:00Z',
        endsAt: '2026-02-05T10:00:00Z',
      });
      await insertAgenda(t, meeting, [{ title: 'Begrüßung', durationMinutes: 30 }]);
    });

    afterAll(() => t.close());

    it('writes a relative --out, and the default file name, in the directory the command was run from', async () => {
      // The CLI is a second process: it needs a real PostgreSQL server (the embedded one is single-process).
      if (!t.config.databaseUrl) return;
      mkdirSync(join(work, 'briefs'));
      const env = { DATABASE_URL: t.config.databaseUrl };
      const relative = await cli(
        [
          'export',
          'meeting-brief',
          '--meeting',
          meeting,
          '--format',
          'md',
          '--out',
          'briefs/launch.md',
        ],
        env,
      );
      expect(relative.stderr).toBe('');
      expect(relative.code).toBe(0);
      expect(relative.stdout).toContain(`Wrote ${join(work, 'briefs', 'launch.md')} `);
      expect(readFileSync(join(work, 'briefs', 'launch.md'), 'utf8')).toContain('Begrüßung');
      expect(existsSync(join(root, 'briefs'))).toBe(false);

      const byDefault = await cli(
        ['export', 'meeting-brief', '--meeting', meeting, '--format', 'csv'],
        env,
      );
      expect(byDefault.code).toBe(0);
      expect(readdirSync(work)).toContain('2026-02-05-launch-workshop.csv');
      expect(existsSync(join(root, '2026-02-05-launch-workshop.csv'))).toBe(false);
    });

    it('set-role gives an existing person the platform role COUNSEL, and says who it could not find', async () => {
      if (!t.config.databaseUrl) return;
      const env = { DATABASE_URL: t.config.databaseUrl };
      const person = await makePerson(t, { name: 'Clara Counsel' });
      const result = await cli(['set-role', '--email', person.email, '--role', 'counsel'], env);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Clara Counsel');
      expect(result.stdout).toContain('now has the platform role COUNSEL');
      const [{ role }] = await t.dataSource.query(`SELECT role FROM people WHERE id = $1`, [person.id]);
      expect(role).toBe('COUNSEL');
      const unknown = await cli(['set-role', '--email', 'nobody@example.org', '--role', 'COUNSEL'], env);
      expect(unknown.code).toBe(1);
      expect(unknown.stderr).toContain('No person has the email nobody@example.org');
      expect(unknown.stderr).not.toMatch(STACK_LINE);
    });

    it("writes a data pool's agreement and terms, as an admin or as a person who may read the pool", async () => {
      if (!t.config.databaseUrl) return;
      const steward = await makePerson(t, { name: 'Jiří Dvořák' });
      const group = (await makeGroup(t)).id;
      await seat(t, group, steward, 'MEMBER');
      const pool = await createPool(t, steward, group, { title: 'Brno lidar pool' });
      const env = { DATABASE_URL: t.config.databaseUrl };
      const pdf = await cli(['export', 'data-pool', '--pool', pool.id, '--format', 'agreement', '--out', 'agreement.pdf'], env);
      expect(pdf.stderr).toBe('');
      expect(pdf.code).toBe(0);
      expect(pdf.stdout).toContain(`Wrote ${join(work, 'agreement.pdf')} (application/pdf, `);
      expect(execFileSync('pdftotext', ['-enc', 'UTF-8', join(work, 'agreement.pdf'), '-']).toString('utf8')).toContain(pool.termsDigest);
      const outsider = await makePerson(t);
      const refused = await cli(['export', 'data-pool', '--pool', pool.id, '--format', 'odrl', '--as', outsider.email], env);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('Data pool not found');
      const odrl = await cli(['export', 'data-pool', '--pool', pool.id, '--format', 'odrl', '--as', steward.email], env);
      expect(odrl.code).toBe(0);
      expect(readdirSync(work)).toContain(`${new Date().toISOString().slice(0, 10)}-brno-lidar-pool-v1-odrl.jsonld`);
    });
  });
});
