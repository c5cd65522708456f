import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ForbiddenError, Viewer } from '@app/core';
import { notGroupManagerError, ParticipantRole, WorkingGroupPolicy } from '@app/working-groups';
import { endorsesPriorities, managesPriorities, SEATED_ANYWHERE_SQL } from './priority-permissions';

type Db = EntityManager | DataSource;

/**
 * Who may change and endorse priorities: reads the viewer's standing and applies the predicates of
 * `priority-permissions.ts`, which the viewerCan fields apply too. A scope is a working group's id,
 * or null for the alliance-wide priorities. Everyone signed in reads priorities.
 */
@Injectable()
export class PriorityPolicy {
  constructor(
    private readonly dataSource: DataSource,
    private readonly groups: WorkingGroupPolicy,
  ) {}

  /** Alliance-wide: admins. A group's: its CHAIR, CO_CHAIR, SECRETARY and admins. */
  async assertCanManage(viewer: Viewer, workingGroupId: string | null, db: Db = this.dataSource): Promise<void> {
    const role = await this.roleIn(viewer, workingGroupId, db);
    if (managesPriorities(viewer, workingGroupId, role)) return;
    if (workingGroupId === null) throw new ForbiddenError('Only admins set alliance-wide priorities', 'NOT_ADMIN');
    throw notGroupManagerError();
  }

  /**
   * Admins; for a group's priority, its participants other than observers; for an alliance-wide
   * priority, anyone holding a seat other than OBSERVER in any group.
   */
  async assertCanEndorse(viewer: Viewer, workingGroupId: string | null, db: Db = this.dataSource): Promise<void> {
    const role = await this.roleIn(viewer, workingGroupId, db);
    const seatedAnywhere = viewer.role !== 'ADMIN' && workingGroupId === null && (await this.seatedAnywhere(viewer, db));
    if (endorsesPriorities(viewer, workingGroupId, role, seatedAnywhere)) return;
    if (workingGroupId !== null) {
      throw new ForbiddenError("Only the group's participants (not observers) endorse its priorities", 'NOT_GROUP_PARTICIPANT');
    }
    throw new ForbiddenError('Only participants of a working group (not observers) endorse alliance-wide priorities', 'NOT_PARTICIPANT');
  }

  /** The viewer's seat in the scope's group; not read for admins or the alliance-wide scope, where it decides nothing. */
  private async roleIn(viewer: Viewer, workingGroupId: string | null, db: Db): Promise<ParticipantRole | null> {
    if (viewer.role === 'ADMIN' || workingGroupId === null) return null;
    return this.groups.roleOf(viewer, workingGroupId, db);
  }

  private async seatedAnywhere(viewer: Viewer, db: Db): Promise<boolean> {
    const [{ seated }]: { seated: boolean }[] = await db.query(SEATED_ANYWHERE_SQL, [viewer.id]);
    return seated;
  }
}
