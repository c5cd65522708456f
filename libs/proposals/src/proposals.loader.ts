import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { batchedConnections, byIdLoader, Connection, groupedLoader, ListQuery, PageArgs, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { OrganizationEntity } from '@app/organizations';
import { PriorityEntity } from '@app/priorities';
import { CommentEntity } from './comments/comment.entity';
import { ProposalFilter, ProposalOrder } from './dto/proposal.input';
import { ProposalEventEntity } from './events/event.entity';
import { PartnerEntity } from './partners/partner.entity';
import { proposalListQuery } from './proposal-list.query';
import { ProposalEntity } from './proposal.entity';
import { PartnerConsent } from './proposal.enums';
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
      {
        columns: rawSql(selectColumns(dataSource, PartnerEntity, 'pp')),
        from: sql`proposal_partners pp`,
        key: sql`pp.proposal_id`,
        orderBy: sql`pp.invited_at, pp.organization_id`,
        limit: LISTED_PARTNERS,
      },
      'proposalId',
    ),

    priorities: groupedLoader<Linked<PriorityEntity>>(
      dataSource,
      {
        columns: sql`${rawSql(selectColumns(dataSource, PriorityEntity, 'pr'))}, l.proposal_id AS "proposalId"`,
        from: sql`proposal_priorities l JOIN priorities pr ON pr.id = l.priority_id`,
        key: sql`l.proposal_id`,
        orderBy: sql`pr.rank, pr.id`,
        limit: LISTED_PRIORITIES,
      },
      'proposalId',
    ),

    supporters: groupedLoader<Linked<OrganizationEntity>>(
      dataSource,
      {
        columns: sql`${rawSql(organizationColumns)}, s.proposal_id AS "proposalId"`,
        from: sql`proposal_supports s JOIN organizations o ON o.id = s.organization_id`,
        key: sql`s.proposal_id`,
        orderBy: sql`s.created_at, o.id`,
        limit: LISTED_SUPPORTERS,
      },
      'proposalId',
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

    /** The answer of the viewer's organisation as a partner of each proposal (null: never invited). */
    viewerPartnerConsent: new DataLoader<string, PartnerConsent | null>(async (ids) => {
      if (!viewer) return ids.map(() => null);
      const rows: { proposalId: string; consent: PartnerConsent }[] = await dataSource.query(
        `SELECT proposal_id AS "proposalId", consent FROM proposal_partners WHERE proposal_id = ANY($1) AND organization_id = $2`,
        [ids, viewer.organizationId],
      );
      const consent = new Map(rows.map((r) => [r.proposalId, r.consent]));
      return ids.map((id) => consent.get(id) ?? null);
    }),

    // The newest entries of each proposal, read backwards on (proposal_id, at), then put oldest first.
    history: groupedLoader<ProposalEventEntity>(
      dataSource,
      {
        columns: rawSql(selectColumns(dataSource, ProposalEventEntity, 'e')),
        from: sql`proposal_events e`,
        key: sql`e.proposal_id`,
        orderBy: sql`e.at DESC, e.id DESC`,
        limit: HISTORY_NEWEST,
        reversed: true,
      },
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
