import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, Viewer } from '@app/core';
import { ParticipantRole, WorkingGroupPolicy } from '@app/working-groups';

type Db = EntityManager | DataSource;

/**
 * Who may change and endorse priorities. A scope is a working group's id, or null for the
 * alliance-wide priorities. Everyone signed in reads priorities.
 */
@Injectable()
export class PriorityPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupPolicy,
  ) {}

  /** Alliance-wide: admins. A group's: its CHAIR, CO_CHAIR, SECRETARY and admins. */
  async assertCanManage(viewer: Viewer, workingGroupId: string | null, db: Db = this.dataSource): Promise<void> {
    if (viewer.role === 'ADMIN') return;
    if (workingGroupId === null) {
      throw new ForbiddenError('Only admins set alliance-wide priorities', 'NOT_ADMIN');
    }
    await this.groups.assertCanManage(viewer, workingGroupId, db);
  }

  /**
   * Admins; for a group's priority, its participants other than observers; for an alliance-wide
   * priority, anyone holding a seat other than OBSERVER in any group.
   */
  async assertCanEndorse(viewer: Viewer, workingGroupId: string | null, db: Db = this.dataSource): Promise<void> {
    if (viewer.role === 'ADMIN') return;
    if (workingGroupId !== null) {
      const role = await this.groups.roleOf(viewer, workingGroupId, db);
      if (role !== null && role !== ParticipantRole.OBSERVER) return;
      throw new ForbiddenError("Only the group's participants (not observers) endorse its priorities", 'NOT_GROUP_PARTICIPANT');
    }
    const [{ seated }]: { seated: boolean }[] = await db.query(
      `SELECT EXISTS (SELECT 1 FROM working_group_participants
                      WHERE person_id = $1 AND ended_at IS NULL AND role <> $2) AS seated`,
      [viewer.id, ParticipantRole.OBSERVER],
    );
    if (!seated) {
      throw new ForbiddenError('Only participants of a working group (not observers) endorse alliance-wide priorities', 'NOT_PARTICIPANT');
    }
  }
}
