import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, type CombinedError } from 'urql';
import { graphql } from '../gql';
import type { ParticipantRole, PlatformRole, PriorityStatus } from '../gql/graphql';
import { ErrorMessage } from '../ui/errors';

// Shared by the working-group, application and priority screens (not a screen itself).

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

/** Endorsing: admins; participants other than observers (of the group, or of any group for alliance-wide ones). */
export function canEndorse(viewer: GroupsViewer | null | undefined, groupId: string | null, status: PriorityStatus): boolean {
  if (!viewer || status === 'ARCHIVED') return false;
  if (viewer.role === 'ADMIN') return true;
  if (groupId) {
    const role = seatRole(viewer, groupId);
    return role !== null && role !== 'OBSERVER';
  }
  return viewer.participations.some((p) => p.role !== 'OBSERVER');
}

const Endorse = graphql(`
  mutation EndorsePriority($id: ID!) {
    endorsePriority(id: $id) {
      id
      endorsementCount
      viewerHasEndorsed
    }
  }
`);

const Unendorse = graphql(`
  mutation WithdrawPriorityEndorsement($id: ID!) {
    withdrawPriorityEndorsement(id: $id) {
      id
      endorsementCount
      viewerHasEndorsed
    }
  }
`);

export interface PriorityRow {
  id: string;
  rank: number;
  title: string;
  description: string;
  status: PriorityStatus;
  endorsementCount: number;
  viewerHasEndorsed: boolean;
}

/** Priorities by rank with their endorsement counts; endorse / withdraw for the viewer's organisation where offered. */
export function PriorityList({ priorities, groupId, viewer }: { priorities: PriorityRow[]; groupId: string | null; viewer: GroupsViewer | null | undefined }) {
  const { t } = useTranslation();
  const [endorsed, endorse] = useMutation(Endorse);
  const [withdrawn, withdraw] = useMutation(Unendorse);
  const [last, setLast] = useState<'endorse' | 'withdraw' | null>(null);
  if (priorities.length === 0) return <p>{t('groups.priorities.none')}</p>;
  return (
    <>
      <ErrorMessage reasons="groups.reasons" error={last === 'endorse' ? endorsed.error : last === 'withdraw' ? withdrawn.error : undefined} />
      <ol className="list priorities">
        {priorities.map((p) => (
          <li key={p.id}>
            <div>
              <span className="rank">{t('groups.priorities.rank', { rank: p.rank })}</span> <Link to={`/priorities/${p.id}`}>{p.title}</Link>{' '}
              <span className="tag">{t(`groups.priorityStatus.${p.status}`)}</span>
              <span className="meta">
                {t('groups.priorities.endorsements', { count: p.endorsementCount })}
                {p.viewerHasEndorsed && ` · ${t('groups.priorities.endorsedByUs')}`}
              </span>
            </div>
            {canEndorse(viewer, groupId, p.status) &&
              (p.viewerHasEndorsed ? (
                <button
                  type="button"
                  className="button subtle"
                  disabled={withdrawn.fetching}
                  onClick={() => {
                    setLast('withdraw');
                    void withdraw({ id: p.id });
                  }}
                >
                  {t('groups.priorities.withdraw', { title: p.title })}
                </button>
              ) : (
                <button
                  type="button"
                  className="button"
                  disabled={endorsed.fetching}
                  onClick={() => {
                    setLast('endorse');
                    void endorse({ id: p.id });
                  }}
                >
                  {t('groups.priorities.endorse', { title: p.title })}
                </button>
              ))}
          </li>
        ))}
      </ol>
    </>
  );
}
