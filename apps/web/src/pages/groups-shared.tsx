import { useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { ParticipantRole, PlatformRole } from '../gql/graphql';

// Shared by the working-group, application and priority screens (not a screen itself); the priorities'
// ranking and form are in priorities-shared.tsx.

/** What the signed-in person is: platform role, organisation, seats. The screens offer actions from it. */
export const ViewerQuery = graphql(`
  query GroupsViewer {
    me {
      id
      role
      organization {
        id
        name
        memberships {
          id
          status
          workingGroup {
            id
          }
        }
      }
      participations {
        id
        role
        workingGroup {
          id
        }
      }
    }
  }
`);

export interface GroupsViewer {
  id: string;
  role: PlatformRole;
  organization: { id: string; name: string; memberships: { status: string; workingGroup: { id: string } }[] };
  participations: { role: ParticipantRole; workingGroup: { id: string } }[];
}

export function useViewer(): { viewer: GroupsViewer | null | undefined; error: CombinedError | undefined } {
  const [{ data, error }] = useQuery({ query: ViewerQuery });
  return { viewer: data?.me, error };
}

export function seatRole(viewer: GroupsViewer | null | undefined, groupId: string): ParticipantRole | null {
  return viewer?.participations.find((p) => p.workingGroup.id === groupId)?.role ?? null;
}
