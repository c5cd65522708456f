import { rawSql, Sql, sql, Viewer } from '@app/core';
import { MANAGER_ROLES } from '@app/working-groups';

/**
 * Whom a pool read is evaluated for: the signed-in viewer (every query), or a person named by SQL
 * expressions inside a statement over many people (notifications choose recipients, search ranks hits):
 * `personReader(sql\`p.id\`, sql\`p.organization_id\`, sql\`p.role = 'ADMIN'\`)`.
 */
export type DataPoolReader = Pick<Viewer, 'id' | 'organizationId' | 'role'> | PersonReader;

export interface PersonReader {
  readonly kind: 'person';
  readonly person: Sql;
  readonly organization: Sql;
  /** A boolean SQL expression: the person is a platform admin. */
  readonly admin: Sql;
}

export function personReader(person: Sql, organization: Sql, admin: Sql): PersonReader {
  return { kind: 'person', person, organization, admin };
}

function asSql(reader: DataPoolReader): PersonReader {
  if ('kind' in reader) return reader;
  return personReader(sql`${reader.id}::uuid`, sql`${reader.organizationId}::uuid`, rawSql(reader.role === 'ADMIN' ? 'TRUE' : 'FALSE'));
}

const MANAGERS = rawSql(MANAGER_ROLES.map((role) => `'${role}'`).join(', '));

/**
 * Who may read a pool, as one SQL condition over its row `alias` (STYLE rule 13: its values number
 * themselves when the statement is compiled). Every list, count, nested field, search hit, export and
 * notification filters by it (DESIGN.md, "Data pools"):
 * - admins read every pool;
 * - the people of every organisation invited to it (in any role and signature state, withdrawn included:
 *   they keep reading what they signed);
 * - WORKING_GROUP: also every person with a current seat in the pool's group (observers included);
 * - PARTIES: also the group's chairs, co-chairs and secretaries (who manage it).
 */
export function dataPoolReadableBy(reader: DataPoolReader, alias = 'dp'): Sql {
  if (!('kind' in reader) && reader.role === 'ADMIN') return rawSql('TRUE');
  const { person, organization, admin } = asSql(reader);
  const dp = rawSql(alias);
  const seat = (extra: Sql) =>
    sql`EXISTS (SELECT 1 FROM working_group_participants rs WHERE rs.person_id = ${person} AND rs.working_group_id = ${dp}.working_group_id AND rs.ended_at IS NULL${extra})`;
  return sql`(${admin}
    OR EXISTS (SELECT 1 FROM data_pool_signatories rps WHERE rps.pool_id = ${dp}.id AND rps.organization_id = ${organization})
    OR (${dp}.confidentiality = 'WORKING_GROUP' AND ${seat(rawSql(''))})
    OR (${dp}.confidentiality = 'PARTIES' AND ${seat(sql` AND rs.role IN (${MANAGERS})`)}))`;
}

/**
 * Who may read a dataset (row `alias`): exactly who may read its pool (`dataPoolReadableBy`, the one rule),
 * for search hits and every other path that reaches a dataset without its pool.
 */
export function datasetReadableBy(reader: DataPoolReader, alias = 'd'): Sql {
  return sql`EXISTS (SELECT 1 FROM data_pools dsp WHERE dsp.id = ${rawSql(alias)}.pool_id AND ${dataPoolReadableBy(reader, 'dsp')})`;
}

/**
 * Who may read a pool's access requests (row `alias`, of a pool the reader may read): admins, the pool's
 * steward's people, the group's managers, and the people of the requesting organisation.
 */
export function accessRequestReadableBy(reader: DataPoolReader, alias = 'ar', poolAlias = 'dp'): Sql {
  if (!('kind' in reader) && reader.role === 'ADMIN') return rawSql('TRUE');
  const { person, organization, admin } = asSql(reader);
  const ar = rawSql(alias);
  const dp = rawSql(poolAlias);
  return sql`(${admin} OR ${ar}.organization_id = ${organization} OR ${dp}.steward_organization_id = ${organization}
    OR EXISTS (SELECT 1 FROM working_group_participants ms WHERE ms.person_id = ${person} AND ms.working_group_id = ${dp}.working_group_id
               AND ms.ended_at IS NULL AND ms.role IN (${MANAGERS})))`;
}
