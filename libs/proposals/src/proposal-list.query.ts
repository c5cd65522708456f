import { DataSource } from 'typeorm';
import { FieldNode, GraphQLResolveInfo } from 'graphql';
import { inlineSql, ListQuery, searchQueryInBothLanguages, selectedFields, selectSomeColumns, SortKey, sql, Viewer } from '@app/core';
import { ProposalFilter, ProposalOrder } from './dto/proposal.input';
import { ProposalEntity } from './proposal.entity';
import { OrderDirection, ProposalOrderField } from './proposal.enums';
import { canReadProposalSql } from './proposal.policy';

const SORT_KEYS: Record<ProposalOrderField, SortKey> = {
  [ProposalOrderField.CREATED_AT]: { sql: 'p.created_at', type: 'timestamptz', property: 'createdAt' },
  [ProposalOrderField.UPDATED_AT]: { sql: 'p.updated_at', type: 'timestamptz', property: 'updatedAt' },
  [ProposalOrderField.SUPPORT_COUNT]: { sql: 'p.support_count', type: 'int', property: 'supportCount' },
  [ProposalOrderField.TITLE]: { sql: 'lower(p.title)', type: 'text' },
};

/** Entity properties that `CooperationProposal` fields read besides their own name (see proposals.resolver.ts). */
const FIELD_NEEDS: Record<string, readonly string[]> = {
  workingGroup: ['workingGroupId'],
  leadOrganization: ['leadOrganizationId'],
  author: ['authorId'],
  viewerCan: ['workingGroupId', 'state', 'leadConsent', 'authorOrganizationId', 'leadOrganizationId'],
};

/** What each query's connection field selects: parsed queries are cached and immutable, so their nodes are stable keys. */
const selectedByField = new WeakMap<FieldNode, ReadonlySet<string>>();

/**
 * The proposal properties a connection's client selected on its nodes, and the id (always read): the list
 * reads only those columns, not the long `summary` and `body` nor dates nobody asked for. Worked out once
 * per query text and field.
 */
export function selectedProposalProperties(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): ReadonlySet<string> {
  const key = info.fieldNodes.length === 1 ? info.fieldNodes[0] : null;
  const known = key && selectedByField.get(key);
  if (known) return known;
  const properties = new Set<string>(['id']);
  for (const field of selectedFields(info, ['edges', 'node'])) for (const property of FIELD_NEEDS[field] ?? [field]) properties.add(property);
  if (key) selectedByField.set(key, properties);
  return properties;
}

/**
 * The proposals a viewer may read, filtered and ordered: one definition for `proposals`,
 * `WorkingGroup.proposals` and `Priority.proposals`, so lists, counts and search agree.
 * `via` joins another table (e.g. proposal_priorities for the priority's proposals); `properties` limits the
 * columns read (all when null).
 */
export function proposalListQuery(
  dataSource: DataSource,
  viewer: Viewer,
  filter: ProposalFilter | null | undefined,
  order: ProposalOrder | null | undefined,
  via?: string,
  properties: ReadonlySet<string> | null = null,
): ListQuery {
  const params: unknown[] = [];
  const where = [canReadProposalSql(viewer, 'p', params)];
  const add = (value: unknown, condition: (placeholder: string) => string) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (filter?.workingGroupId) add(filter.workingGroupId, (v) => `p.working_group_id = ${v}`);
  if (filter?.states?.length) add(filter.states, (v) => `p.state = ANY(${v}::text[])`);
  if (filter?.kinds?.length) add(filter.kinds, (v) => `p.kind = ANY(${v}::text[])`);
  if (filter?.leadOrganizationId) add(filter.leadOrganizationId, (v) => `p.lead_organization_id = ${v}`);
  if (filter?.partnerOrganizationId) {
    add(filter.partnerOrganizationId, (v) => `EXISTS (SELECT 1 FROM proposal_partners fp WHERE fp.proposal_id = p.id AND fp.organization_id = ${v} AND fp.consent <> 'DECLINED')`);
  }
  if (filter?.priorityId) {
    add(filter.priorityId, (v) => `EXISTS (SELECT 1 FROM proposal_priorities fr WHERE fr.proposal_id = p.id AND fr.priority_id = ${v})`);
  }
  const search = filter?.search?.trim();
  if (search) {
    // Either language's stemming may match: "Datenpools" finds "Datenpool", "pooling" finds "pooled"; accents
    // are ignored (decision 80). The web-search syntax applies ("quotes", or, -word); the global `search` also matches prefixes.
    where.push(inlineSql(sql`p.search_document @@ ${searchQueryInBothLanguages('websearch_to_tsquery', search)}`, params));
  }
  const field = order?.field ?? ProposalOrderField.CREATED_AT;
  const direction = order?.direction ?? OrderDirection.DESC;
  return {
    columns: selectSomeColumns(dataSource, ProposalEntity, 'p', properties),
    from: via ? `cooperation_proposals p ${via}` : 'cooperation_proposals p',
    where,
    params,
    orderBy: [SORT_KEYS[field], { sql: 'p.id', type: 'uuid', property: 'id' }],
    descending: direction === OrderDirection.DESC,
    properties: properties ?? 'all',
  };
}
