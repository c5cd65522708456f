import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, Viewer } from '@app/core';
import { MANAGER_ROLES, ParticipantRole } from './working-group.enums';

/** A person's current seat role in a group (NULL without a seat), as a scalar subquery over SQL expressions. */
export function seatRoleSql(workingGroupId: string, personId: string): string {
  return `(SELECT s.role FROM working_group_participants s WHERE s.working_group_id = ${workingGroupId} AND s.person_id = ${personId} AND s.ended_at IS NULL)`;
}

/** Admins, and the group's chairs, co-chairs and secretaries, given the viewer's seat `role` in it (null: no seat). */
export function roleManages(viewer: Viewer, role: ParticipantRole | null): boolean {
  return viewer.role === 'ADMIN' || (role !== null && MANAGER_ROLES.includes(role));
}

/** The refusal of a change reserved to the group's managers. */
export function notGroupManagerError(): ForbiddenError {
  return new ForbiddenError("Only the group's chairs, secretaries and admins may do this", 'NOT_GROUP_MANAGER');
}

/** Who may do what in a working group; every service asks here. */
@Injectable()
export class WorkingGroupPolicy {
  constructor(private readonly dataSource: DataSource) {}

  async roleOf(viewer: Viewer, workingGroupId: string, db: EntityManager | DataSource = this.dataSource): Promise<ParticipantRole | null> {
    const rows: { role: ParticipantRole | null }[] = await db.query(`SELECT ${seatRoleSql('$1', '$2')} AS role`, [workingGroupId, viewer.id]);
    return rows[0]?.role ?? null;
  }

  /** Admins, and the group's chairs, co-chairs and secretaries. */
  async canManage(viewer: Viewer, workingGroupId: string, db?: EntityManager | DataSource): Promise<boolean> {
    if (viewer.role === 'ADMIN') return true;
    return roleManages(viewer, await this.roleOf(viewer, workingGroupId, db));
  }

  async assertCanManage(viewer: Viewer, workingGroupId: string, db?: EntityManager | DataSource): Promise<void> {
    if (!(await this.canManage(viewer, workingGroupId, db))) {
      throw notGroupManagerError();
    }
  }
}
