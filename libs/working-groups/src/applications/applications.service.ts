import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, DomainEvents, ForbiddenError, InvalidInputError, NotFoundError, Viewer, isId, isUniqueViolation, selectColumns, newId } from '@app/core';
import { SeatsService } from '../participants/seats.service';
import { ApplicationState, WorkingGroupStatus } from '../working-group.enums';
import { WorkingGroupPolicy } from '../working-group.policy';
import { ApplicationEntity } from './application.entity';
import { SubmitApplicationInput } from './submit-application.input';
import { isOpenGroup } from '../working-group-permissions';

/** The selective application process's state machine. */
export const APPLICATION_TRANSITIONS: Record<ApplicationState, readonly ApplicationState[]> = {
  [ApplicationState.SUBMITTED]: [ApplicationState.UNDER_REVIEW, ApplicationState.WITHDRAWN],
  [ApplicationState.UNDER_REVIEW]: [ApplicationState.ACCEPTED, ApplicationState.REJECTED, ApplicationState.WITHDRAWN],
  [ApplicationState.ACCEPTED]: [],
  [ApplicationState.REJECTED]: [],
  [ApplicationState.WITHDRAWN]: [],
};

@Injectable()
export class ApplicationsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkingGroupPolicy,
    private readonly seats: SeatsService,
    private readonly events: DomainEvents,
  ) {}

  /** Any signed-in person may apply for their own organisation (admins for any). */
  async submit(viewer: Viewer, input: SubmitApplicationInput): Promise<ApplicationEntity> {
    if (viewer.role !== 'ADMIN' && viewer.organizationId !== input.organizationId) {
      throw new ForbiddenError('You may apply only for your own organisation', 'NOT_OWN_ORGANIZATION');
    }
    const [group]: { status: WorkingGroupStatus }[] = await this.dataSource.query(`SELECT status FROM working_groups WHERE id = $1`, [
      input.workingGroupId,
    ]);
    if (!group) throw new NotFoundError('working group');
    const [organization]: { active: boolean }[] = await this.dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM working_group_memberships m
                      WHERE m.organization_id = o.id AND m.working_group_id = $2 AND m.status = 'ACTIVE') AS active
       FROM organizations o WHERE o.id = $1`,
      [input.organizationId, input.workingGroupId],
    );
    if (!organization) throw new NotFoundError('organization');
    if (!isOpenGroup(group)) {
      throw new ConflictError('WORKING_GROUP_CLOSED', 'This working group is closed and takes no applications');
    }
    if (organization.active) {
      throw new ConflictError('ALREADY_MEMBER', 'The organisation is already a member of this working group');
    }
    const now = new Date();
    const application: ApplicationEntity = {
      id: newId(),
      workingGroupId: input.workingGroupId,
      organizationId: input.organizationId,
      submittedById: viewer.id,
      motivation: input.motivation,
      contribution: input.contribution ?? null,
      state: ApplicationState.SUBMITTED,
      decisionReason: null,
      decidedById: null,
      decidedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.dataSource.transaction(async (em) => {
        await em.getRepository(ApplicationEntity).insert(application);
        await this.events.publish(em, {
          type: 'APPLICATION_SUBMITTED',
          actorId: viewer.id,
          applicationId: application.id,
          workingGroupId: application.workingGroupId,
          organizationId: application.organizationId,
        });
      });
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_applications_open')) {
        throw new ConflictError('APPLICATION_OPEN', 'The organisation already has an open application to this working group');
      }
      throw error;
    }
    return application;
  }

  /**
   * Moves an application. Withdrawing is the applicant organisation's act; reviewing and deciding
   * belong to the group's chairs and secretaries and to admins. Accepting admits the organisation
   * and seats the submitter as MEMBER in the same transaction.
   */
  changeState(viewer: Viewer, id: string, state: ApplicationState, note: string | null | undefined): Promise<ApplicationEntity> {
    return this.dataSource.transaction(async (em) => {
      const rows: ApplicationEntity[] = isId(id)
        ? await em.query(
            `SELECT ${selectColumns(this.dataSource, ApplicationEntity, 'a')} FROM membership_applications a WHERE a.id = $1 FOR UPDATE`,
            [id],
          )
        : [];
      const application = rows[0];
      if (!application || !(await this.canRead(viewer, application, em))) throw new NotFoundError('application');

      if (state === ApplicationState.WITHDRAWN) {
        if (viewer.role !== 'ADMIN' && viewer.organizationId !== application.organizationId) {
          throw new ForbiddenError('Only the applicant organisation may withdraw its application', 'NOT_APPLICANT');
        }
      } else {
        await this.policy.assertCanManage(viewer, application.workingGroupId, em);
      }
      if (!APPLICATION_TRANSITIONS[application.state].includes(state)) {
        throw new ConflictError('ILLEGAL_TRANSITION', `An application cannot move from ${application.state} to ${state}`);
      }
      const reason = note?.trim() || null;
      if (state === ApplicationState.REJECTED && !reason) {
        throw new InvalidInputError('note', 'A rejection needs a reason in note', 'REASON_REQUIRED');
      }
      const decided = state === ApplicationState.ACCEPTED || state === ApplicationState.REJECTED;
      const now = new Date();
      const changes: Partial<ApplicationEntity> = {
        state,
        updatedAt: now,
        ...(decided ? { decidedById: viewer.id, decidedAt: now, decisionReason: reason } : {}),
      };
      await em.getRepository(ApplicationEntity).update({ id: application.id }, changes);
      if (state === ApplicationState.ACCEPTED) {
        await this.seats.admit(em, application.workingGroupId, application.organizationId, application.submittedById, viewer.id);
      }
      await this.events.publish(em, {
        type: 'APPLICATION_STATE_CHANGED',
        actorId: viewer.id,
        applicationId: application.id,
        workingGroupId: application.workingGroupId,
        organizationId: application.organizationId,
        submittedById: application.submittedById,
        fromState: application.state,
        toState: state,
        note: reason,
      });
      return { ...application, ...changes };
    });
  }

  async findVisible(viewer: Viewer, id: string): Promise<ApplicationEntity | null> {
    if (!isId(id)) return null;
    const rows: ApplicationEntity[] = await this.dataSource.query(
      `SELECT ${selectColumns(this.dataSource, ApplicationEntity, 'a')} FROM membership_applications a WHERE a.id = $1`,
      [id],
    );
    const application = rows[0];
    return application && (await this.canRead(viewer, application)) ? application : null;
  }

  /** The applicant organisation's people, the group's managers and admins read an application. */
  private async canRead(viewer: Viewer, application: ApplicationEntity, em?: Parameters<WorkingGroupPolicy['canManage']>[2]): Promise<boolean> {
    return viewer.organizationId === application.organizationId || (await this.policy.canManage(viewer, application.workingGroupId, em));
  }
}
