import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, Viewer } from '@app/core';
import { MANAGER_ROLES, ParticipantRole } from './working-group.enums';

/** Who may do what in a working group; every service asks here. */
@Injectable()
export class WorkingGroupPolicy {
  constructor(private readonly dataSource: DataSource) {}

  async roleOf(viewer: Viewer, workingGroupId: string, db: EntityManager | DataSource = this.dataSource): Promise<ParticipantRole | null> {
    const rows: { role: ParticipantRole }[] = await db.query(
      `SELECT role FROM working_group_participants WHERE working_group_id = $1 AND person_id = $2 AND ended_at IS NULL`,
      [workingGroupId, viewer.id],
    );
    return rows[0]?.role ?? null;
  }

  /** Admins, and the group's chairs, co-chairs and secretaries. */
  async canManage(viewer: Viewer, workingGroupId: string, db?: EntityManager | DataSource): Promise<boolean> {
    if (viewer.role === 'ADMIN') return true;
    const role = await this.roleOf(viewer, workingGroupId, db);
    return role !== null && MANAGER_ROLES.includes(role);
  }

  async assertCanManage(viewer: Viewer, workingGroupId: string, db?: EntityManager | DataSource): Promise<void> {
    if (!(await this.canManage(viewer, workingGroupId, db))) {
      throw new ForbiddenError('Only the group\'s chairs, secretaries and admins may do this', 'NOT_GROUP_MANAGER');
    }
  }
}
