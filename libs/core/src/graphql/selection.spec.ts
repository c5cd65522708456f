import { FragmentDefinitionNode, OperationDefinitionNode, FieldNode, parse } from 'graphql';
import { selectedFields } from './selection';

/** The resolve info of the first root field of a query, as graphql-js builds it. */
function infoOf(query: string) {
  const document = parse(query);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === 'OperationDefinition')!;
  const fragments = Object.fromEntries(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((d) => [d.name.value, d]),
  );
  const root = operation.selectionSet.selections.filter((s): s is FieldNode => s.kind === 'Field');
  return { fieldNodes: root.filter((f) => f.name.value === root[0].name.value), fragments };
}

describe('selectedFields', () => {
  it('names the fields under a path, across aliases, fragments, inline fragments and repeated selections', () => {
    const info = infoOf(`
      query {
        proposals(first: 5) { totalCount edges { cursor node { id t: title ...More ... on CooperationProposal { leadOrganization { name } } } } }
        proposals(first: 5) { edges { node { state } } }
      }
      fragment More on CooperationProposal { body @include(if: false) }
    `);
    expect([...selectedFields(info, ['edges', 'node'])].sort()).toEqual(['body', 'id', 'leadOrganization', 'state', 'title']);
    expect([...selectedFields(info, ['edges'])].sort()).toEqual(['cursor', 'node']);
  });

  it('is empty when the path is not selected', () => {
    expect(selectedFields(infoOf(`{ proposals { totalCount } }`), ['edges', 'node']).size).toBe(0);
  });
});
