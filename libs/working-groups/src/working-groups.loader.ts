import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { batchedConnections, byIdLoader, Connection, groupedLoader as groupedBy, ListQuery, PageArgs, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { ApplicationEntity } from './applications/application.entity';
import { MembershipEntity } from './memberships/membership.entity';
import { ParticipantEntity } from './participants/participant.entity';
import { WorkingGroupEntity } from './working-group.entity';
import { ParticipantRole } from './working-group.enums';

/** The bounds of the working groups' plain lists (`@MaxItems`), each read in its field's order. */
export const LISTED_WORKING_GROUPS = 100;
export const LISTED_CHAIRS = 20;
export const LISTED_MEMBERSHIPS = 50;
export const LISTED_PARTICIPATIONS = 50;

export function createWorkingGroupLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const groupColumns = selectColumns(dataSource, WorkingGroupEntity, 'g');
  const membershipColumns = selectColumns(dataSource, MembershipEntity, 'm');
  const seatColumns = selectColumns(dataSource, ParticipantEntity, 's');
  const memberships: ListQuery = {
    columns: membershipColumns,
    from: 'working_group_memberships m',
    where: [`m.status = 'ACTIVE'`],
    orderBy: [
      { sql: 'm.since', type: 'timestamptz', property: 'since' },
      { sql: 'm.id', type: 'uuid', property: 'id' },
    ],
    properties: 'all',
  };
  const participants = (role: ParticipantRole | null): ListQuery => ({
    columns: seatColumns,
    from: 'working_group_participants s',
    where: role ? ['s.ended_at IS NULL', 's.role = $1'] : ['s.ended_at IS NULL'],
    params: role ? [role] : [],
    orderBy: [
      { sql: 's.since', type: 'timestamptz', property: 'since' },
      { sql: 's.id', type: 'uuid', property: 'id' },
    ],
    properties: 'all',
  });
  const applications = (state: string | null): ListQuery => ({
    columns: selectColumns(dataSource, ApplicationEntity, 'a'),
    from: 'membership_applications a',
    where: state ? ['a.state = $1'] : [],
    params: state ? [state] : [],
    orderBy: [
      { sql: 'a.created_at', type: 'timestamptz', property: 'createdAt' },
      { sql: 'a.id', type: 'uuid', property: 'id' },
    ],
    properties: 'all',
  });
  const participantsByRole = new Map<string, ReturnType<typeof batchedConnections<ParticipantEntity>>>();
  const applicationsByState = new Map<string, ReturnType<typeof batchedConnections<ApplicationEntity>>>();

  return {
    byId: byIdLoader<WorkingGroupEntity>(dataSource, `SELECT ${groupColumns} FROM working_groups g WHERE g.id = ANY($1)`),

    membershipsOfGroup: batchedConnections<MembershipEntity>(dataSource, memberships, 'm.working_group_id'),

    participantsOfGroup(groupId: string, role: ParticipantRole | null, args: PageArgs): Connection<ParticipantEntity> {
      const key = role ?? '';
      let connections = participantsByRole.get(key);
      if (!connections) {
        connections = batchedConnections<ParticipantEntity>(dataSource, participants(role), 's.working_group_id');
        participantsByRole.set(key, connections);
      }
      return connections(groupId, args);
    },

    applicationsOfGroup(groupId: string, state: string | null, args: PageArgs): Connection<ApplicationEntity> {
      const key = state ?? '';
      let connections = applicationsByState.get(key);
      if (!connections) {
        connections = batchedConnections<ApplicationEntity>(dataSource, applications(state), 'a.working_group_id');
        applicationsByState.set(key, connections);
      }
      return connections(groupId, args);
    },

    /** CHAIR then CO_CHAIR seats of each group, with the person id. */
    chairSeatsOfGroup: groupedBy<ParticipantEntity>(
      dataSource,
      {
        columns: rawSql(seatColumns),
        from: sql`working_group_participants s`,
        key: sql`s.working_group_id`,
        where: sql`s.ended_at IS NULL AND s.role IN ('CHAIR', 'CO_CHAIR')`,
        orderBy: sql`s.role, s.since, s.id`,
        limit: LISTED_CHAIRS,
      },
      'workingGroupId',
    ),

    membershipsOfOrganization: groupedBy<MembershipEntity>(
      dataSource,
      {
        columns: rawSql(membershipColumns),
        from: sql`working_group_memberships m`,
        key: sql`m.organization_id`,
        orderBy: sql`m.since, m.id`,
        limit: LISTED_MEMBERSHIPS,
      },
      'organizationId',
    ),

    seatsOfPerson: groupedBy<ParticipantEntity>(
      dataSource,
      {
        columns: rawSql(seatColumns),
        from: sql`working_group_participants s`,
        key: sql`s.person_id`,
        where: sql`s.ended_at IS NULL`,
        orderBy: sql`s.since, s.id`,
        limit: LISTED_PARTICIPATIONS,
      },
      'personId',
    ),

    /** Whether the viewer's organisation is an active member of each group and has an open application to it. */
    viewerOrganizationStanding: new DataLoader<string, { member: boolean; openApplication: boolean }>(async (groupIds) => {
      if (!viewer) return groupIds.map(() => ({ member: false, openApplication: false }));
      const rows: { groupId: string; member: boolean; openApplication: boolean }[] = await dataSource.query(
        `SELECT g.id AS "groupId",
                EXISTS (SELECT 1 FROM working_group_memberships m WHERE m.working_group_id = g.id AND m.organization_id = $2 AND m.status = 'ACTIVE') AS member,
                EXISTS (SELECT 1 FROM membership_applications a WHERE a.working_group_id = g.id AND a.organization_id = $2
                        AND a.state IN ('SUBMITTED', 'UNDER_REVIEW')) AS "openApplication"
         FROM working_groups g WHERE g.id = ANY($1)`,
        [groupIds, viewer.organizationId],
      );
      const byGroup = new Map(rows.map((r) => [r.groupId, r]));
      return groupIds.map((id) => byGroup.get(id) ?? { member: false, openApplication: false });
    }),

    /** The viewer's role in each group (one statement per request). */
    viewerRole: new DataLoader<string, ParticipantRole | null>(async (groupIds) => {
      if (!viewer) return groupIds.map(() => null);
      const rows: { groupId: string; role: ParticipantRole }[] = await dataSource.query(
        `SELECT working_group_id AS "groupId", role FROM working_group_participants
         WHERE person_id = $1 AND ended_at IS NULL AND working_group_id = ANY($2)`,
        [viewer.id, groupIds],
      );
      const byGroup = new Map(rows.map((r) => [r.groupId, r.role]));
      return groupIds.map((id) => byGroup.get(id) ?? null);
    }),
    /** The newest application of the viewer's organisation to each group, one statement per batch. */
    viewerApplication: new DataLoader<string, ApplicationEntity | null>(async (groupIds) => {
      if (!viewer) return groupIds.map(() => null);
      const rows: ApplicationEntity[] = await dataSource.query(
        `SELECT DISTINCT ON (a.working_group_id) ${selectColumns(dataSource, ApplicationEntity, 'a')}
         FROM membership_applications a
         WHERE a.organization_id = $1 AND a.working_group_id = ANY($2)
         ORDER BY a.working_group_id, a.created_at DESC, a.id DESC`,
        [viewer.organizationId, groupIds],
      );
      const byGroup = new Map(rows.map((r) => [r.workingGroupId, r]));
      return groupIds.map((id) => byGroup.get(id) ?? null);
    }),
  };
}
