import { DataSource, EntityManager } from 'typeorm';
import { isId, querySql, rawSql, selectColumns, Sql, sql, Viewer } from '@app/core';
import { IntroductionState } from '../marketplace.enums';
import { canReadIntroduction, canSeeNeedOwner } from '../marketplace.policy';
import { IntroductionEntity } from './introduction.entity';

/** The bound of `myIntroductions` (`@MaxItems`), newest first. */
export const LISTED_MY_INTRODUCTIONS = 200;
/** The bound of `ResourceNeed.introductions` (`@MaxItems`), newest first. */
export const LISTED_NEED_INTRODUCTIONS = 100;

/**
 * An introduction as one viewer reads it: its columns, and whether that viewer may see who posted its
 * need (`canSeeNeedOwner`), which decides whether its owner-side people (`requestedBy`, the `answeredBy`
 * of a withdrawal) are shown. Computed in the statement that reads the row, so the fields cost nothing more.
 */
export interface IntroductionRow extends IntroductionEntity {
  ownerVisible: boolean;
  /** Its two sides, for `viewerCan` (never a field: an anonymous need's organisation stays hidden). */
  needOrganizationId: string;
  providerOrganizationId: string;
}

/** An introduction locked for a change, with its two organisations and whether its need is anonymous. */
export interface LockedIntroduction extends IntroductionEntity {
  needOrganizationId: string;
  providerOrganizationId: string;
  anonymous: boolean;
}

const FROM = rawSql('introductions i JOIN resource_needs n ON n.id = i.need_id JOIN capabilities c ON c.id = i.capability_id');

function columns(dataSource: DataSource, viewer: Viewer): Sql {
  return sql`${rawSql(selectColumns(dataSource, IntroductionEntity, 'i'))}, ${canSeeNeedOwner(viewer, 'n')} AS "ownerVisible",
    n.organization_id AS "needOrganizationId", c.organization_id AS "providerOrganizationId"`;
}

/** One introduction the viewer may see (its sides and admins), or null. */
export async function readIntroduction(db: DataSource | EntityManager, dataSource: DataSource, viewer: Viewer, id: string): Promise<IntroductionRow | null> {
  if (!isId(id)) return null;
  const [row] = await querySql<IntroductionRow>(
    db,
    sql`SELECT ${columns(dataSource, viewer)} FROM ${FROM} WHERE i.id = ${id}::uuid AND ${canReadIntroduction(viewer)}`,
  );
  return row ?? null;
}

/** Locks an introduction the viewer may see for a change; null when unknown or not theirs to see. */
export async function lockIntroduction(em: EntityManager, dataSource: DataSource, viewer: Viewer, id: string): Promise<LockedIntroduction | null> {
  if (!isId(id)) return null;
  const [row] = await querySql<LockedIntroduction>(
    em,
    sql`SELECT ${rawSql(selectColumns(dataSource, IntroductionEntity, 'i'))}, n.organization_id AS "needOrganizationId",
               c.organization_id AS "providerOrganizationId", n.anonymous
        FROM ${FROM} WHERE i.id = ${id}::uuid AND ${canReadIntroduction(viewer)} FOR UPDATE OF i`,
  );
  return row ?? null;
}

/**
 * The introductions the viewer's organisation asked for (on its needs) or was asked for (on its
 * capabilities), newest first, the first `LISTED_MY_INTRODUCTIONS`: the ids come from the two sides'
 * indexes (needs and capabilities by organisation, introductions by need and by capability), so the cost
 * follows the organisation's own introductions, not the table's.
 */
export function myIntroductionsStatement(dataSource: DataSource, viewer: Viewer, state: IntroductionState | null | undefined): Sql {
  const organization = viewer.organizationId;
  return sql`WITH mine AS (
      SELECT mi.id FROM resource_needs mn JOIN introductions mi ON mi.need_id = mn.id WHERE mn.organization_id = ${organization}::uuid
      UNION
      SELECT mi.id FROM capabilities mc JOIN introductions mi ON mi.capability_id = mc.id WHERE mc.organization_id = ${organization}::uuid)
    SELECT ${columns(dataSource, viewer)} FROM ${FROM}
    WHERE i.id IN (SELECT id FROM mine) AND ${canReadIntroduction(viewer)}${state ? sql` AND i.state = ${state}` : sql``}
    ORDER BY i.created_at DESC, i.id DESC LIMIT ${LISTED_MY_INTRODUCTIONS}`;
}

/**
 * The introductions on each of the needs `needIds` that the viewer may see, newest first, at most
 * `LISTED_NEED_INTRODUCTIONS` per need, in one statement: the owner's people see all, a provider's people
 * those on its capabilities, admins all, anyone else none.
 */
export function needIntroductionsStatement(dataSource: DataSource, viewer: Viewer, needIds: readonly string[]): Sql {
  return sql`SELECT x.* FROM unnest(${needIds}::uuid[]) AS k(id) CROSS JOIN LATERAL (
      SELECT ${columns(dataSource, viewer)} FROM ${FROM}
      WHERE i.need_id = k.id AND ${canReadIntroduction(viewer)}
      ORDER BY i.created_at DESC, i.id DESC LIMIT ${LISTED_NEED_INTRODUCTIONS}) x`;
}
