import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// The README's test commands, as a developer types them: a path after `--` selects files.
describe('Test commands (e2e)', () => {
  const listTests = (script: string, ...args: string[]): string[] =>
    execFileSync('npm', ['run', '--silent', script, '--', ...args, '--listTests'], { cwd: join(__dirname, '..'), encoding: 'utf8' })
      .split('\n')
      .filter((line) => line.startsWith('/'))
      .map((path) => path.slice(join(__dirname, '..').length + 1));

  it('runs only the e2e file named after `npm run test:e2e --`', () => {
    expect(listTests('test:e2e', 'test/schema.e2e-spec.ts')).toEqual(['test/schema.e2e-spec.ts']);
  });

  it('runs only the unit files a pattern names after `npm run test:unit --`, and none of the e2e files', () => {
    expect(listTests('test:unit', 'date-time')).toEqual(['apps/api/src/graphql/date-time.scalar.spec.ts']);
  });

  it('runs both projects with `npm test`, and a pattern selects across them', () => {
    expect(listTests('test', 'schema', 'date-time').sort()).toEqual(['apps/api/src/graphql/date-time.scalar.spec.ts', 'test/schema.e2e-spec.ts']);
  });
});

// A newcomer reads the README first: it must lead to every guide, and no link may point nowhere.
describe('Documentation (e2e)', () => {
  const root = join(__dirname, '..');
  const guides = readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md'));

  it('lists every guide in docs/ under the README’s "Documentation"', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    const section = readme.slice(readme.indexOf('## Documentation'));
    const listed = [...section.matchAll(/\]\(docs\/([\w-]+\.md)\)/g)].map((m) => m[1]);
    expect(listed.sort()).toEqual(guides.sort());
  });

  it('has no relative link, in the README or a guide, to a file that does not exist', () => {
    const broken = ['README.md', ...guides.map((g) => `docs/${g}`)].flatMap((file) =>
      [...readFileSync(join(root, file), 'utf8').matchAll(/\]\((?!https?:|#|mailto:)([^)#\s]+)/g)]
        .map((m) => m[1])
        .filter((target) => !existsSync(join(root, dirname(file), target)))
        .map((target) => `${file} → ${target}`),
    );
    expect(broken).toEqual([]);
  });
});
