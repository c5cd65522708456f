import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, isId, newId, NotFoundError, querySql, sql, Viewer } from '@app/core';
import { MarketplaceEvents } from '../marketplace-events';
import { CapabilityStatus, IntroductionState, NeedStatus } from '../marketplace.enums';
import { canReadCapability, canReadNeed, MarketplacePolicy, organizationReader } from '../marketplace.policy';
import { asksForIntroductions, isOwnCapability, speaksForSide, takesIntroductions } from '../marketplace-permissions';
import { isLegalMove, sideOfMove } from './introduction-transitions';
import { IntroductionEntity } from './introduction.entity';
import { IntroductionRow, lockIntroduction, myIntroductionsStatement, readIntroduction } from './introductions.query';

/**
 * Introductions: a need's owner asks a provider, through one of its capabilities, to talk; the provider's
 * people accept or decline, the owner's people may withdraw while it waits (docs/marketplace.md,
 * "Introductions"). Every change runs in one transaction that checks, writes and publishes its event.
 */
@Injectable()
export class IntroductionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: MarketplacePolicy,
    private readonly events: MarketplaceEvents,
  ) {}

  /**
   * The need's organisation's people (and admins) ask: the need OPEN; the capability ACTIVE, of another
   * organisation and readable by the need's organisation (as matching reads it). It need not be one of
   * the need's matches (decision 85). At most one REQUESTED or ACCEPTED introduction per need and
   * capability: the partial unique index decides between concurrent requests, the second is CONFLICT.
   */
  request(viewer: Viewer, needId: string, capabilityId: string, message: string | null | undefined): Promise<IntroductionRow> {
    return this.dataSource.transaction(async (em) => {
      // Shared locks: the need cannot close, nor the capability pause, until this request has committed.
      const [need] = isId(needId)
        ? await querySql<{ id: string; organizationId: string; status: NeedStatus; anonymous: boolean }>(
            em,
            sql`SELECT n.id, n.organization_id AS "organizationId", n.status, n.anonymous FROM resource_needs n
                WHERE n.id = ${needId}::uuid AND ${canReadNeed(viewer, 'n')} FOR SHARE OF n`,
          )
        : [];
      if (!need) throw new NotFoundError('resource need');
      this.policy.assertSpeaksFor(viewer, need.organizationId, 'ask for introductions on its needs');
      if (!asksForIntroductions(need)) {
        throw new ConflictError('NEED_NOT_OPEN', `A ${need.status} need takes no introductions`, 'needId');
      }
      const [capability] = isId(capabilityId)
        ? await querySql<{ id: string; organizationId: string; status: CapabilityStatus; ownerReads: boolean }>(
            em,
            sql`SELECT c.id, c.organization_id AS "organizationId", c.status,
                       ${canReadCapability(organizationReader(sql`${need.organizationId}::uuid`), 'c')} AS "ownerReads"
                FROM capabilities c WHERE c.id = ${capabilityId}::uuid AND ${canReadCapability(viewer, 'c')} FOR SHARE OF c`,
          )
        : [];
      if (!capability) throw new NotFoundError('capability');
      if (isOwnCapability(capability, need.organizationId)) {
        throw new InvalidInputError('capabilityId', "The capability is the need's own organisation's", 'OWN_CAPABILITY');
      }
      if (!capability.ownerReads) {
        throw new InvalidInputError('capabilityId', "The need's organisation may not read this capability", 'CAPABILITY_NOT_READABLE');
      }
      if (!takesIntroductions(capability)) {
        throw new ConflictError('CAPABILITY_NOT_ACTIVE', `A ${capability.status} capability takes no introductions`, 'capabilityId');
      }
      const introduction: IntroductionEntity = {
        id: newId(),
        needId: need.id,
        capabilityId: capability.id,
        state: IntroductionState.REQUESTED,
        message: message?.trim() ? message : null,
        requestedById: viewer.id,
        answeredById: null,
        answerNote: null,
        proposalId: null,
        createdAt: new Date(),
        answeredAt: null,
      };
      // A live pair that exists already (or commits first) inserts nothing.
      const inserted = await querySql<{ id: string }>(
        em,
        sql`INSERT INTO introductions (id, need_id, capability_id, state, message, requested_by_id, created_at)
            VALUES (${introduction.id}::uuid, ${need.id}::uuid, ${capability.id}::uuid, ${introduction.state}, ${introduction.message},
                    ${viewer.id}::uuid, ${introduction.createdAt}::timestamptz)
            ON CONFLICT (need_id, capability_id) WHERE state IN ('REQUESTED', 'ACCEPTED') DO NOTHING RETURNING id`,
      );
      if (inserted.length === 0) {
        throw new ConflictError('INTRODUCTION_EXISTS', 'An introduction between this need and capability is already requested or accepted', 'capabilityId');
      }
      await this.events.publish(em, {
        type: 'INTRODUCTION_REQUESTED',
        actorId: viewer.id,
        introductionId: introduction.id,
        needId: need.id,
        capabilityId: capability.id,
        needOrganizationId: need.organizationId,
        providerOrganizationId: capability.organizationId,
        anonymous: need.anonymous,
      });
      // The requester speaks for the need's organisation (or is an admin): they see its owner.
      return { ...introduction, ownerVisible: true, needOrganizationId: need.organizationId, providerOrganizationId: capability.organizationId };
    });
  }

  /**
   * The contract's moves only (REQUESTED -> ACCEPTED | DECLINED by the provider's people, REQUESTED ->
   * WITHDRAWN by the need's owner's people; admins for either side): any other move is CONFLICT
   * ILLEGAL_TRANSITION before anyone's role is looked at, the wrong side is FORBIDDEN, and someone who may
   * not see the introduction gets NOT_FOUND. The row lock makes concurrent answers take turns: the first
   * wins, the others find it settled (ILLEGAL_TRANSITION).
   */
  changeState(viewer: Viewer, id: string, state: IntroductionState, note: string | null | undefined): Promise<IntroductionRow> {
    return this.dataSource.transaction(async (em) => {
      const current = await lockIntroduction(em, this.dataSource, viewer, id);
      if (!current) throw new NotFoundError('introduction');
      if (!isLegalMove(current.state, state)) {
        throw new ConflictError('ILLEGAL_TRANSITION', `An introduction cannot move from ${current.state} to ${state}`, 'state');
      }
      const side = sideOfMove(state);
      if (!speaksForSide(viewer, current, side)) {
        throw side === 'PROVIDER'
          ? new ForbiddenError("Only the provider's people and admins answer an introduction", 'NOT_PROVIDER')
          : new ForbiddenError("Only the need's organisation's people and admins withdraw an introduction", 'NOT_NEED_OWNER');
      }
      const answeredAt = new Date();
      const answerNote = note?.trim() ? note : null;
      await em.getRepository(IntroductionEntity).update({ id: current.id }, { state, answeredById: viewer.id, answeredAt, answerNote });
      await this.events.publish(em, {
        type: 'INTRODUCTION_STATE_CHANGED',
        actorId: viewer.id,
        introductionId: current.id,
        needId: current.needId,
        capabilityId: current.capabilityId,
        needOrganizationId: current.needOrganizationId,
        providerOrganizationId: current.providerOrganizationId,
        anonymous: current.anonymous,
        fromState: current.state,
        toState: state,
      });
      // Read back in the transaction: accepting is what shows the provider's people the need's owner.
      return (await readIntroduction(em, this.dataSource, viewer, current.id))!;
    });
  }

  /** The introductions the viewer's organisation asked for or was asked for, newest first (bounded). */
  mine(viewer: Viewer, state: IntroductionState | null | undefined): Promise<IntroductionRow[]> {
    return querySql<IntroductionRow>(this.dataSource, myIntroductionsStatement(this.dataSource, viewer, state));
  }

  findVisible(viewer: Viewer, id: string): Promise<IntroductionRow | null> {
    return readIntroduction(this.dataSource, this.dataSource, viewer, id);
  }
}
