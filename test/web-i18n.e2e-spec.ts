import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The client's translations: every area's file exists in both languages with the same keys, no value is
// empty, and an area's keys sit under its own top-level keys (files are merged, so a key defined twice
// would silently lose one of them).
const root = join(__dirname, '..', 'apps', 'web', 'src', 'i18n');

function flatten(value: unknown, prefix = ''): Record<string, string> {
  if (typeof value === 'string') return { [prefix]: value };
  return Object.assign({}, ...Object.entries(value as Record<string, unknown>).map(([k, v]) => flatten(v, prefix ? `${prefix}.${k}` : k)));
}

describe('web client translations', () => {
  const files = existsSync(join(root, 'en')) ? readdirSync(join(root, 'en')).filter((f) => f.endsWith('.json')) : [];

  it('has English area files', () => {
    expect(files).toContain('common.json');
  });

  it('has the same keys in German as in English, none empty, each top-level key in one file only', () => {
    const owners = new Map<string, string>();
    for (const file of files) {
      const en = JSON.parse(readFileSync(join(root, 'en', file), 'utf8'));
      const de = JSON.parse(readFileSync(join(root, 'de', file), 'utf8'));
      const enKeys = flatten(en);
      const deKeys = flatten(de);
      expect({ file, keys: Object.keys(deKeys).sort() }).toEqual({ file, keys: Object.keys(enKeys).sort() });
      for (const [key, value] of Object.entries({ ...enKeys, ...deKeys })) expect({ key, empty: value.trim() === '' }).toEqual({ key, empty: false });
      for (const top of Object.keys(en)) {
        expect({ top, file: owners.get(top) ?? file }).toEqual({ top, file });
        owners.set(top, file);
      }
    }
  });
});
