import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { batchedConnections, Connection, countingConnection, Edge, lazyConnection, Page, PageArgs, querySql, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { CapabilityEntity } from './capabilities/capability.entity';
import { capabilityListQuery, needListQuery } from './marketplace-list.query';
import { canReadCapability, canReadNeed, canSeeNeedOwner, organizationReader } from './marketplace.policy';
import { speaksFor } from './marketplace-permissions';
import { CapabilityMatch } from './matching/capability-match.model';
import { decodeMatchCursor, encodeMatchCursor } from './matching/match-cursor';
import { matchReasonDetails } from './matching/match-reasons';
import { matchCountsStatement, matchPagesStatement, MatchRow } from './matching/matching.query';
import { ResourceNeedEntity } from './needs/need.entity';

/** The bound of `CooperationProposal.resourceNeeds` (`@MaxItems`), oldest first. */
export const LISTED_PROPOSAL_NEEDS = 50;

/** Per-request batching for the marketplace: one statement per batch, whatever the number of parents. */
export function createMarketplaceLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const capabilityColumns = rawSql(selectColumns(dataSource, CapabilityEntity, 'c'));
  const needColumns = rawSql(selectColumns(dataSource, ResourceNeedEntity, 'n'));
  const signedIn = (): Viewer => {
    if (!viewer) throw new Error('viewer required');
    return viewer;
  };
  let capabilitiesOf: ((organizationId: string, args: PageArgs) => Connection<CapabilityEntity>) | undefined;
  let needsOf: ((organizationId: string, args: PageArgs) => Connection<ResourceNeedEntity>) | undefined;
  const matchPages = new Map<string, DataLoader<ResourceNeedEntity, Page<CapabilityMatch>, string>>();

  /** Whether the viewer may match-read a need: its owner's people and admins (decision 77). */
  const ownsNeed = (need: ResourceNeedEntity) => viewer !== null && speaksFor(viewer, need.organizationId);

  const anonymousOwnerVisible = new DataLoader<string, boolean>(async (ids) => {
    const rows = await querySql<{ id: string }>(
      dataSource,
      sql`SELECT n.id FROM resource_needs n WHERE n.id = ANY(${ids}::uuid[]) AND ${canSeeNeedOwner(signedIn(), 'n')}`,
    );
    const visible = new Set(rows.map((r) => r.id));
    return ids.map((id) => visible.has(id));
  });

  const matchCounts = new DataLoader<string, number>(async (needIds) => {
    const rows = await querySql<{ needId: string; count: number }>(dataSource, matchCountsStatement(needIds));
    const counts = new Map(rows.map((r) => [r.needId, r.count]));
    return needIds.map((id) => counts.get(id) ?? 0);
  });

  /** Pages of matches for `args`, counted in the same statement when `withCount`: one loader (one statement per batch) per pair. */
  const matchPagesFor = (args: PageArgs, withCount: boolean) => {
    const key = `${JSON.stringify(args)} ${withCount}`;
    let loader = matchPages.get(key);
    if (!loader) {
      const after = args.after === null ? null : decodeMatchCursor(args.after);
      loader = new DataLoader<ResourceNeedEntity, Page<CapabilityMatch>, string>(
        async (needs) => {
          const rows = await querySql<MatchRow>(dataSource, matchPagesStatement(dataSource, needs.map((n) => n.id), after, args.first + 1, withCount));
          const byNeed = new Map<string, MatchRow[]>();
          for (const row of rows) byNeed.set(row.needId, [...(byNeed.get(row.needId) ?? []), row]);
          return needs.map((need) => {
            const rows = byNeed.get(need.id) ?? [];
            const page = matchPage(need, rows, args);
            // A page past the last match has no row to carry the count: the connection then counts on its own.
            if (withCount) page.totalCount = rows.length > 0 ? rows[0].total : after === null ? 0 : undefined;
            return page;
          });
        },
        { cacheKeyFn: (need) => need.id },
      );
      matchPages.set(key, loader);
    }
    return loader;
  };

  return {
    /** Capabilities the viewer may read, by id. */
    capabilityById: new DataLoader<string, CapabilityEntity | null>(async (ids) => {
      const rows = await querySql<CapabilityEntity>(
        dataSource,
        sql`SELECT ${capabilityColumns} FROM capabilities c WHERE c.id = ANY(${ids}::uuid[]) AND ${canReadCapability(signedIn(), 'c')}`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /**
     * Whether the viewer's organisation, as a whole, may read each capability (as `requestIntroduction` reads
     * it for the need's organisation): one statement per batch.
     */
    organizationReadsCapability: new DataLoader<string, boolean>(async (ids) => {
      const rows = await querySql<{ id: string }>(
        dataSource,
        sql`SELECT c.id FROM capabilities c
            WHERE c.id = ANY(${ids}::uuid[]) AND ${canReadCapability(organizationReader(sql`${signedIn().organizationId}::uuid`), 'c')}`,
      );
      const readable = new Set(rows.map((r) => r.id));
      return ids.map((id) => readable.has(id));
    }),

    /** Needs the viewer may read, by id. */
    needById: new DataLoader<string, ResourceNeedEntity | null>(async (ids) => {
      const rows = await querySql<ResourceNeedEntity>(
        dataSource,
        sql`SELECT ${needColumns} FROM resource_needs n WHERE n.id = ANY(${ids}::uuid[]) AND ${canReadNeed(signedIn(), 'n')}`,
      );
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /**
     * Whether the viewer may see who posted a need it read: no statement for the needs that are not
     * anonymous or are the viewer's organisation's (or for admins), one per batch for the others.
     */
    needOwnerVisible: (need: ResourceNeedEntity): Promise<boolean> | boolean =>
      !need.anonymous || ownsNeed(need) ? true : anonymousOwnerVisible.load(need.id),

    /** `Organization.capabilities`: one statement per batch of organisations for pages, one for counts. */
    capabilitiesOfOrganization(organizationId: string, args: PageArgs): Connection<CapabilityEntity> {
      capabilitiesOf ??= batchedConnections<CapabilityEntity>(dataSource, capabilityListQuery(dataSource, signedIn(), null), 'c.organization_id');
      return capabilitiesOf(organizationId, args);
    },

    /** `Organization.needs`: only the needs whose owner the viewer may see, so anonymous ones are neither listed nor counted. */
    needsOfOrganization(organizationId: string, args: PageArgs): Connection<ResourceNeedEntity> {
      needsOf ??= batchedConnections<ResourceNeedEntity>(dataSource, needListQuery(dataSource, signedIn(), null, true), 'n.organization_id');
      return needsOf(organizationId, args);
    },

    /** `CooperationProposal.resourceNeeds`: the needs linked to it that the viewer may read and whose owner it may see, oldest first. */
    needsOfProposal: new DataLoader<string, ResourceNeedEntity[]>(async (proposalIds) => {
      const rows = await querySql<ResourceNeedEntity>(
        dataSource,
        sql`SELECT n.* FROM unnest(${proposalIds}::uuid[]) AS k(id) CROSS JOIN LATERAL (
              SELECT ${needColumns} FROM resource_needs n
              WHERE n.proposal_id = k.id AND ${canReadNeed(signedIn(), 'n')} AND ${canSeeNeedOwner(signedIn(), 'n')}
              ORDER BY n.created_at, n.id LIMIT ${LISTED_PROPOSAL_NEEDS}) n`,
      );
      const grouped = new Map<string, ResourceNeedEntity[]>();
      for (const row of rows) grouped.set(row.proposalId!, [...(grouped.get(row.proposalId!) ?? []), row]);
      return proposalIds.map((id) => grouped.get(id) ?? []);
    }),

    /**
     * `ResourceNeed.matches`: for the need's owner's people and admins, the capabilities matching it, best
     * first, one statement per batch of needs for pages, with their counts when `totalCount` is asked for too
     * (decision 111), and one for counts alone; for anyone else an empty connection, without a statement
     * (decision 77).
     */
    matches(need: ResourceNeedEntity, args: PageArgs): Connection<CapabilityMatch> {
      if (!ownsNeed(need)) return lazyConnection(async () => matchPage(need, [], args), async () => 0);
      return countingConnection(
        (withCount) => matchPagesFor(args, withCount).load(need),
        () => matchCounts.load(need.id),
      );
    },
  };
}

/** A page of matches from rows read with `LIMIT first + 1`, with the reasons of each. */
function matchPage(need: ResourceNeedEntity, rows: MatchRow[], args: PageArgs): Page<CapabilityMatch> {
  const edges: Edge<CapabilityMatch>[] = rows.slice(0, args.first).map(({ coverage, overlap, score, needId: _needId, total: _total, ...capability }) => {
    const reasonDetails = matchReasonDetails(capability, need, Number(coverage), Number(overlap));
    return {
      cursor: encodeMatchCursor({ score, createdAt: capability.createdAt.toISOString(), id: capability.id }),
      node: { capability, score: Number(score), reasons: reasonDetails.map((r) => r.text), reasonDetails },
    };
  });
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > args.first,
      hasPreviousPage: args.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}
