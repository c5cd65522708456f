import { Injectable } from '@nestjs/common';
import { ForbiddenError, rawSql, Sql, sql, Viewer } from '@app/core';
import { speaksFor } from './marketplace-permissions';

/**
 * Whom a marketplace read is evaluated for: a signed-in person (every query), or an organisation as a
 * whole (matching reads capabilities as the need's owner). `organization` is an SQL expression of the
 * organisation's id, e.g. `n.organization_id` inside a statement over many needs.
 */
export type MarketplaceReader = Viewer | OrganizationReader;

export interface OrganizationReader {
  readonly kind: 'organization';
  readonly organization: Sql;
}

/** The organisation whose id `organization` (an SQL expression) yields, as a reader. */
export function organizationReader(organization: Sql): OrganizationReader {
  return { kind: 'organization', organization };
}

function isOrganizationReader(reader: MarketplaceReader): reader is OrganizationReader {
  return 'kind' in reader && reader.kind === 'organization';
}

/** The reader's organisation id as SQL. */
function organizationOf(reader: MarketplaceReader): Sql {
  return isOrganizationReader(reader) ? reader.organization : sql`${reader.organizationId}::uuid`;
}

/**
 * The working groups in which the reader holds a current seat, as an SQL array. A person holds their own
 * seats; an organisation holds the seats of any of its people — so MEMBERS and WORKING_GROUP mean for an
 * organisation what they mean for its best-seated person (decision 76). The subquery reads nothing of the
 * row being filtered, so PostgreSQL runs it once per statement (once per need for an organisation in a
 * statement over many needs), not once per row (decision 112).
 */
function seatGroups(reader: MarketplaceReader): Sql {
  if (isOrganizationReader(reader)) {
    return sql`ARRAY(SELECT vs.working_group_id FROM people vp JOIN working_group_participants vs ON vs.person_id = vp.id
      WHERE vp.organization_id = ${reader.organization} AND vs.ended_at IS NULL)`;
  }
  return sql`ARRAY(SELECT vs.working_group_id FROM working_group_participants vs WHERE vs.person_id = ${reader.id}::uuid AND vs.ended_at IS NULL)`;
}

/** The rule capabilities and needs share: own organisation, then by confidentiality. */
function canReadListing(reader: MarketplaceReader, alias: string): Sql {
  const x = rawSql(alias);
  return sql`${x}.organization_id = ${organizationOf(reader)}
      OR ${x}.confidentiality = 'PUBLIC'
      OR (${x}.confidentiality = 'MEMBERS' AND cardinality(${seatGroups(reader)}) > 0)
      OR (${x}.confidentiality = 'WORKING_GROUP' AND ${x}.working_group_id = ANY(${seatGroups(reader)}))`;
}

/**
 * Who may read a capability, as one SQL condition over its row `alias`; every list, count, nested field
 * and the matching query filter by it:
 * - admins read everything;
 * - the organisation's own people read all of its capabilities;
 * - otherwise by confidentiality: PUBLIC every signed-in person, MEMBERS every person with a current seat
 *   in any working group, WORKING_GROUP the current participants of that group;
 * - and a person of an organisation that asked for an introduction to it keeps reading it (the
 *   introduction names it), whatever its confidentiality has become.
 * For an organisation as reader (matching), seats are those of any of its people; introductions do not
 * count there, so matching stays the same rule for every need.
 */
export function canReadCapability(reader: MarketplaceReader, alias: string): Sql {
  if (isOrganizationReader(reader)) return sql`(${canReadListing(reader, alias)})`;
  if (reader.role === 'ADMIN') return rawSql('TRUE');
  const c = rawSql(alias);
  return sql`(${canReadListing(reader, alias)}
      OR EXISTS (SELECT 1 FROM introductions ri JOIN resource_needs rn ON rn.id = ri.need_id
                 WHERE ri.capability_id = ${c}.id AND rn.organization_id = ${reader.organizationId}::uuid))`;
}

/**
 * Who may read a need (its requirements; whether they may also see who posted it is `canSeeNeedOwner`):
 * the same rule as capabilities, and also the people of a provider the owner asked for an introduction on
 * it (they were shown the need, whatever its confidentiality).
 */
export function canReadNeed(viewer: Viewer, alias: string): Sql {
  if (viewer.role === 'ADMIN') return rawSql('TRUE');
  const n = rawSql(alias);
  return sql`(${canReadListing(viewer, alias)}
      OR EXISTS (SELECT 1 FROM introductions ri JOIN capabilities rc ON rc.id = ri.capability_id
                 WHERE ri.need_id = ${n}.id AND rc.organization_id = ${viewer.organizationId}::uuid))`;
}

/**
 * Whether the viewer may see who posted a need they may read (its organisation, proposal and people):
 * always for a need that is not anonymous; for an anonymous one, the owner's people and admins, and the
 * people of a capability's organisation once an introduction between that capability and the need was
 * ACCEPTED. Lists of an organisation's needs filter by it too, so neither rows nor counts reveal the owner.
 */
export function canSeeNeedOwner(viewer: Viewer, alias: string): Sql {
  if (viewer.role === 'ADMIN') return rawSql('TRUE');
  const n = rawSql(alias);
  const organization = viewer.organizationId;
  return sql`(NOT ${n}.anonymous OR ${n}.organization_id = ${organization}::uuid
      OR EXISTS (SELECT 1 FROM introductions oi JOIN capabilities oc ON oc.id = oi.capability_id
                 WHERE oi.need_id = ${n}.id AND oi.state = 'ACCEPTED' AND oc.organization_id = ${organization}::uuid))`;
}

/**
 * Who may see an introduction (row `i`, its need `n` and capability `c`): its two sides — the people of the
 * need's organisation and of the capability's — and admins. Everything an introduction shows is filtered
 * by it: `myIntroductions`, `introduction(id)`, `ResourceNeed.introductions`.
 */
export function canReadIntroduction(viewer: Viewer, need = 'n', capability = 'c'): Sql {
  if (viewer.role === 'ADMIN') return rawSql('TRUE');
  return sql`(${rawSql(need)}.organization_id = ${viewer.organizationId}::uuid OR ${rawSql(capability)}.organization_id = ${viewer.organizationId}::uuid)`;
}

/** Who may write in the marketplace. Reading is `canReadCapability`, `canReadNeed`, `canSeeNeedOwner` and `canReadIntroduction`. */
@Injectable()
export class MarketplacePolicy {
  /** An organisation's people and admins speak for it: publish, edit, pause and retire its capabilities and needs. */
  speaksFor(viewer: Viewer, organizationId: string): boolean {
    return speaksFor(viewer, organizationId);
  }

  assertSpeaksFor(viewer: Viewer, organizationId: string, what: string): void {
    if (!this.speaksFor(viewer, organizationId)) {
      throw new ForbiddenError(`Only the organisation's people and admins may ${what}`, 'NOT_OWN_ORGANIZATION');
    }
  }
}
