/** Where each kind of object lives in the client; the same paths the API writes into emails and notifications. */
export function pathOf(node: { __typename?: string; id: string; pool?: { id: string } }): string {
  switch (node.__typename ?? '') {
    case 'CooperationProposal':
      return `/proposals/${node.id}`;
    case 'Meeting':
      return `/meetings/${node.id}`;
    case 'WorkingGroup':
      return `/working-groups/${node.id}`;
    case 'DataPool':
      return `/data-pools/${node.id}`;
    case 'Dataset':
      return node.pool ? `/data-pools/${node.pool.id}` : '/';
    case 'ResourceNeed':
      return `/resource-needs/${node.id}`;
    case 'Capability':
      return `/capabilities/${node.id}`;
    case 'Organization':
      return `/organizations/${node.id}`;
    case 'Person':
      return `/people/${node.id}`;
    case 'Priority':
      return `/priorities/${node.id}`;
    default:
      return '/';
  }
}
