import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { batchedConnections, byIdLoader, Connection, groupedLoader, ListQuery, PageArgs, selectColumns, Viewer } from '@app/core';
import { OrganizationEntity } from '@app/organizations';
import { PriorityEntity } from '@app/priorities';
import { CommentEntity } from './comments/comment.entity';
import { ProposalFilter, ProposalOrder } from './dto/proposal.input';
import { ProposalEventEntity } from './events/event.entity';
import { PartnerEntity } from './partners/partner.entity';
import { proposalListQuery } from './proposal-list.query';
import { ProposalEntity } from './proposal.entity';
import { canReadProposalSql } from './proposal.policy';

type Linked<T> = T & { proposalId: string };

/** The bounds of a proposal's plain lists (`@MaxItems`); `history`'s is the newest entries, `events` has them all. */
export const HISTORY_NEWEST = 50;
export const LISTED_PARTNERS = 50;
export const LISTED_PRIORITIES = 50;
export const LISTED_SUPPORTERS = 50;

/** Per-request batching for proposals and everything hanging off them. */
export function createProposalLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const organizationColumns = selectColumns(dataSource, OrganizationEntity, 'o');
  const connections = new Map<string, (parentId: string, args: PageArgs) => Connection<ProposalEntity>>();
  /** Proposal connections per distinct filter/order, batched over parents (groups or priorities). */
  const connectionsFor = (key: string, build: () => ListQuery, parent: string) => {
    let found = connections.get(key);
    if (!found) {
      found = batchedConnections<ProposalEntity>(dataSource, build(), parent);
      connections.set(key, found);
    }
    return found;
  };
  const comments: ListQuery = {
    columns: selectColumns(dataSource, CommentEntity, 'c'),
    from: 'proposal_comments c',
    orderBy: [
      { sql: 'c.created_at', type: 'timestamptz', property: 'createdAt' },
      { sql: 'c.id', type: 'uuid', property: 'id' },
    ],
    properties: 'all',
  };
  const events: ListQuery = {
    columns: selectColumns(dataSource, ProposalEventEntity, 'e'),
    from: 'proposal_events e',
    orderBy: [
      { sql: 'e.at', type: 'timestamptz', property: 'at' },
      { sql: 'e.id', type: 'uuid', property: 'id' },
    ],
    properties: 'all',
  };
  const visibleParams: unknown[] = [];
  const visible = viewer ? canReadProposalSql(viewer, 'p', visibleParams) : 'FALSE';
  // The viewer-dependent condition's parameters come after the batch's ids ($1).
  const shifted = visible.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + 1}`);

  return {
    /** Proposals the viewer may read, by id. */
    visibleById: byIdLoader<ProposalEntity>(
      dataSource,
      `SELECT ${selectColumns(dataSource, ProposalEntity, 'p')} FROM cooperation_proposals p WHERE p.id = ANY($1) AND ${shifted}`,
      visibleParams,
    ),

    partners: groupedLoader<PartnerEntity>(
      dataSource,
      `SELECT ${selectColumns(dataSource, PartnerEntity, 'pp')} FROM proposal_partners pp WHERE pp.proposal_id = ANY($1) ORDER BY pp.invited_at, pp.organization_id`,
      'proposalId',
      [],
      LISTED_PARTNERS,
    ),

    priorities: groupedLoader<Linked<PriorityEntity>>(
      dataSource,
      `SELECT ${selectColumns(dataSource, PriorityEntity, 'pr')}, l.proposal_id AS "proposalId"
       FROM proposal_priorities l JOIN priorities pr ON pr.id = l.priority_id
       WHERE l.proposal_id = ANY($1) ORDER BY pr.rank, pr.id`,
      'proposalId',
      [],
      LISTED_PRIORITIES,
    ),

    supporters: groupedLoader<Linked<OrganizationEntity>>(
      dataSource,
      `SELECT ${organizationColumns}, s.proposal_id AS "proposalId"
       FROM proposal_supports s JOIN organizations o ON o.id = s.organization_id
       WHERE s.proposal_id = ANY($1) ORDER BY s.created_at, o.id`,
      'proposalId',
      [],
      LISTED_SUPPORTERS,
    ),

    viewerHasSupported: new DataLoader<string, boolean>(async (ids) => {
      if (!viewer) return ids.map(() => false);
      const rows: { proposalId: string }[] = await dataSource.query(
        `SELECT proposal_id AS "proposalId" FROM proposal_supports WHERE proposal_id = ANY($1) AND organization_id = $2`,
        [ids, viewer.organizationId],
      );
      const supported = new Set(rows.map((r) => r.proposalId));
      return ids.map((id) => supported.has(id));
    }),

    // The newest entries of each proposal, read backwards on (proposal_id, at), then put oldest first.
    history: groupedLoader<ProposalEventEntity>(
      dataSource,
      `SELECT e.* FROM unnest($1::uuid[]) AS k(id) CROSS JOIN LATERAL (
         SELECT ${selectColumns(dataSource, ProposalEventEntity, 'e')} FROM proposal_events e WHERE e.proposal_id = k.id ORDER BY e.at DESC, e.id DESC LIMIT ${HISTORY_NEWEST}
       ) e ORDER BY e."at", e.id`,
      'proposalId',
    ),

    events: batchedConnections<ProposalEventEntity>(dataSource, events, 'e.proposal_id'),

    comments: batchedConnections<CommentEntity>(dataSource, comments, 'c.proposal_id'),

    /** `WorkingGroup.proposals(filter, orderBy)`, reading the given properties (all when null). */
    ofGroup(
      groupId: string,
      args: PageArgs,
      filter: ProposalFilter | null | undefined,
      order: ProposalOrder | null | undefined,
      properties: ReadonlySet<string> | null = null,
    ) {
      if (!viewer) throw new Error('viewer required');
      const key = `group:${JSON.stringify([filter ?? null, order ?? null, properties && [...properties].sort()])}`;
      return connectionsFor(key, () => proposalListQuery(dataSource, viewer, filter, order, undefined, properties), 'p.working_group_id')(groupId, args);
    },

    /** `Priority.proposals`: the proposals linked to the priority that the viewer may read. */
    ofPriority(priorityId: string, args: PageArgs, properties: ReadonlySet<string> | null = null) {
      if (!viewer) throw new Error('viewer required');
      const build = () => proposalListQuery(dataSource, viewer, null, null, 'JOIN proposal_priorities lp ON lp.proposal_id = p.id', properties);
      return connectionsFor(`priority:${JSON.stringify(properties && [...properties].sort())}`, build, 'lp.priority_id')(priorityId, args);
    },
  };
}
