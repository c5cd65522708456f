// A Vite plugin: every `graphql(`…`)` call of the client becomes its document's AST, written into the
// calling module at build time (with the fragments it spreads). The client preset's runtime `graphql()`
// looks documents up in one map of all of them (src/gql/gql.ts), which the entry chunk would carry for
// every screen; inlined, each lazy screen carries only its own documents. Types still come from the
// preset (TypeScript reads the source, not this output).
import fs from 'node:fs';
import path from 'node:path';
import { Kind, parse, visit } from 'graphql';

const CALL = /\bgraphql\(\s*`([^`]*)`\s*\)/g;

function* sources(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'gql') yield* sources(full);
    } else if (/\.tsx?$/.test(entry.name)) yield full;
  }
}

/** Every fragment definition in the client's documents, by name. */
function fragmentsIn(srcDir) {
  const fragments = new Map();
  for (const file of sources(srcDir)) {
    for (const [, text] of fs.readFileSync(file, 'utf8').matchAll(CALL)) {
      for (const definition of parse(text, { noLocation: true }).definitions) {
        if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
      }
    }
  }
  return fragments;
}

/** The document with the definitions of the fragments it spreads, transitively, as the preset builds it. */
function withFragments(document, fragments) {
  const own = new Set(document.definitions.filter((d) => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => d.name.value));
  const added = [];
  const pending = [document];
  while (pending.length > 0) {
    visit(pending.pop(), {
      FragmentSpread(node) {
        const name = node.name.value;
        if (own.has(name)) return;
        const fragment = fragments.get(name);
        if (!fragment) throw new Error(`graphql-inline: unknown fragment ${name}`);
        own.add(name);
        added.push(fragment);
        pending.push(fragment);
      },
    });
  }
  return { ...document, definitions: [...document.definitions, ...added] };
}

export function graphqlInline(srcDir) {
  let fragments = new Map();
  return {
    name: 'graphql-inline',
    enforce: 'pre',
    buildStart() {
      fragments = fragmentsIn(srcDir);
    },
    transform(code, id) {
      if (!id.startsWith(srcDir) || id.includes(`${path.sep}gql${path.sep}`) || !/\.tsx?$/.test(id) || !code.includes('graphql(')) return null;
      let changed = false;
      const out = code.replace(CALL, (_match, text) => {
        changed = true;
        return `(${JSON.stringify(withFragments(parse(text, { noLocation: true }), fragments))})`;
      });
      // The runtime lookup is no longer called; drop its import so the map is not bundled.
      return changed ? { code: out.replace(/^import \{ graphql \} from ['"][./]*\/gql['"];?$/m, ''), map: null } : null;
    },
  };
}
