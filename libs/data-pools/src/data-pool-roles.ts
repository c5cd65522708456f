import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ForbiddenError, Viewer } from '@app/core';
import { WorkingGroupPolicy } from '@app/working-groups';
import { isSteward, mayChangePoolState, mayCreatePool } from './data-pool-permissions';
import { DataPoolEntity } from './pools/data-pool.entity';

/** Who may change what in a pool (reading is `dataPoolReadableBy`). */
@Injectable()
export class DataPoolRoles {
  constructor(private readonly groups: WorkingGroupPolicy) {}

  /** Creating a pool: `mayCreatePool`, the rule `WorkingGroup.viewerCan.createDataPool` answers with. */
  async assertCanCreate(viewer: Viewer, workingGroupId: string, em: EntityManager): Promise<void> {
    if (mayCreatePool(viewer, viewer.role === 'ADMIN' ? null : await this.groups.roleOf(viewer, workingGroupId, em))) return;
    throw new ForbiddenError('Only participants of the working group (not observers) may create data pools', 'NOT_GROUP_PARTICIPANT');
  }

  /** The steward's people and admins: terms, invitations, access decisions. */
  assertSteward(viewer: Viewer, pool: DataPoolEntity, what: string): void {
    if (!isSteward(viewer, pool)) throw new ForbiddenError(`Only the steward's people and admins may ${what}`, 'NOT_POOL_STEWARD');
  }

  /** State changes: the steward's people, the group's chairs, co-chairs and secretaries, and admins. */
  async assertCanChangeState(viewer: Viewer, pool: DataPoolEntity, em: EntityManager): Promise<void> {
    // The steward needs no look-up of a seat.
    if (isSteward(viewer, pool) || mayChangePoolState(viewer, pool, await this.groups.roleOf(viewer, pool.workingGroupId, em))) return;
    throw new ForbiddenError("Only the steward's people, the group's chairs and admins may change a pool's state", 'NOT_POOL_MANAGER');
  }

  /** An organisation's own people speak for it (signing, withdrawing, contributing, asking for access). */
  assertOwnOrganization(viewer: Viewer, organizationId: string, what: string, adminsToo = false): void {
    if (viewer.organizationId === organizationId || (adminsToo && viewer.role === 'ADMIN')) return;
    throw new ForbiddenError(`Only the organisation's own people may ${what}`, 'NOT_OWN_ORGANIZATION');
  }
}
