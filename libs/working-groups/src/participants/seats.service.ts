import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ConflictError, DomainEvents, isId, NotFoundError, selectColumns, Viewer, newId } from '@app/core';
import { MembershipEntity } from '../memberships/membership.entity';
import { MembershipStatus, ParticipantRole } from '../working-group.enums';
import { WorkingGroupPolicy } from '../working-group.policy';
import { ParticipantEntity } from './participant.entity';

/**
 * Seats and memberships. Every change locks the group's row first, so concurrent changes to one
 * group are serialised and the "at least one chair" rule cannot be broken by two requests at once.
 * Each change publishes its event (SEAT_CHANGED, ROLE_CHANGED, MEMBERSHIP_ENDED) for the audit log.
 */
@Injectable()
export class SeatsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkingGroupPolicy,
    private readonly events: DomainEvents,
  ) {}

  /** Seats a person (whose organisation must be an active member) or changes their role. */
  setRole(viewer: Viewer, workingGroupId: string, personId: string, role: ParticipantRole): Promise<ParticipantEntity> {
    return this.dataSource.transaction(async (em) => {
      await this.lockGroup(em, workingGroupId);
      await this.policy.assertCanManage(viewer, workingGroupId, em);
      const [person]: { organizationId: string }[] = isId(personId)
        ? await em.query(`SELECT organization_id AS "organizationId" FROM people WHERE id = $1`, [personId])
        : [];
      if (!person) throw new NotFoundError('person');
      const membership = await this.activeMembership(em, workingGroupId, person.organizationId);
      if (!membership) {
        throw new ConflictError(
          'ORGANIZATION_NOT_MEMBER',
          "The person's organisation is not an active member of this working group",
          'personId',
        );
      }
      const seat = await this.activeSeat(em, workingGroupId, personId);
      if (seat) {
        if (seat.role === ParticipantRole.CHAIR && role !== ParticipantRole.CHAIR) {
          await this.assertAnotherChair(em, workingGroupId, [seat.id]);
        }
        if (seat.role === role) return seat;
        await em.getRepository(ParticipantEntity).update({ id: seat.id }, { role });
        await this.events.publish(em, {
          type: 'ROLE_CHANGED',
          actorId: viewer.id,
          personId,
          organizationId: person.organizationId,
          workingGroupId,
          seatId: seat.id,
          fromRole: seat.role,
          toRole: role,
        });
        return { ...seat, role };
      }
      const created: ParticipantEntity = { id: newId(), workingGroupId, personId, role, since: new Date(), endedAt: null };
      await em.getRepository(ParticipantEntity).insert(created);
      await this.seatChanged(em, viewer.id, created, person.organizationId, null, role);
      return created;
    });
  }

  remove(viewer: Viewer, workingGroupId: string, personId: string): Promise<boolean> {
    return this.dataSource.transaction(async (em) => {
      await this.lockGroup(em, workingGroupId);
      await this.policy.assertCanManage(viewer, workingGroupId, em);
      const seat = isId(personId) ? await this.activeSeat(em, workingGroupId, personId) : null;
      if (!seat) throw new NotFoundError('participant');
      if (seat.role === ParticipantRole.CHAIR) await this.assertAnotherChair(em, workingGroupId, [seat.id]);
      await em.getRepository(ParticipantEntity).update({ id: seat.id }, { endedAt: new Date() });
      await this.seatChanged(em, viewer.id, seat, null, seat.role, null);
      return true;
    });
  }

  /** Ends an organisation's membership and, with it, the seats of its people in the group. */
  endMembership(viewer: Viewer, workingGroupId: string, organizationId: string): Promise<MembershipEntity> {
    return this.dataSource.transaction(async (em) => {
      await this.lockGroup(em, workingGroupId);
      await this.policy.assertCanManage(viewer, workingGroupId, em);
      const membership = isId(organizationId) ? await this.activeMembership(em, workingGroupId, organizationId) : null;
      if (!membership) throw new NotFoundError('membership', 'MEMBERSHIP_NOT_FOUND');
      const seats: { id: string; role: ParticipantRole }[] = await em.query(
        `SELECT s.id, s.role FROM working_group_participants s JOIN people p ON p.id = s.person_id
         WHERE s.working_group_id = $1 AND p.organization_id = $2 AND s.ended_at IS NULL`,
        [workingGroupId, organizationId],
      );
      const chairSeats = seats.filter((s) => s.role === ParticipantRole.CHAIR).map((s) => s.id);
      if (chairSeats.length > 0) await this.assertAnotherChair(em, workingGroupId, chairSeats);
      const now = new Date();
      if (seats.length > 0) {
        await em.query(`UPDATE working_group_participants SET ended_at = $1 WHERE id = ANY($2)`, [now, seats.map((s) => s.id)]);
      }
      const ended = { status: MembershipStatus.ENDED, endedAt: now };
      await em.getRepository(MembershipEntity).update({ id: membership.id }, ended);
      await this.events.publish(em, {
        type: 'MEMBERSHIP_ENDED',
        actorId: viewer.id,
        membershipId: membership.id,
        workingGroupId,
        organizationId,
        endedSeatIds: seats.map((s) => s.id),
      });
      return { ...membership, ...ended };
    });
  }

  /**
   * Creates or reactivates a membership and seats a person (used when an application is accepted).
   * Only a person of the admitted organisation is seated (an admin may have applied on its behalf).
   */
  async admit(em: EntityManager, workingGroupId: string, organizationId: string, personId: string, actorId: string | null = null): Promise<void> {
    await em.query(
      `INSERT INTO working_group_memberships (id, working_group_id, organization_id, status, since)
       VALUES ($1, $2, $3, 'ACTIVE', now())
       ON CONFLICT (working_group_id, organization_id)
       DO UPDATE SET status = 'ACTIVE', since = now(), ended_at = NULL WHERE working_group_memberships.status = 'ENDED'`,
      [newId(), workingGroupId, organizationId],
    );
    const [person]: { organizationId: string }[] = await em.query(`SELECT organization_id AS "organizationId" FROM people WHERE id = $1`, [
      personId,
    ]);
    if (person?.organizationId === organizationId && !(await this.activeSeat(em, workingGroupId, personId))) {
      const seat: ParticipantEntity = { id: newId(), workingGroupId, personId, role: ParticipantRole.MEMBER, since: new Date(), endedAt: null };
      await em.getRepository(ParticipantEntity).insert(seat);
      await this.seatChanged(em, actorId, seat, organizationId, null, seat.role);
    }
  }

  /** A seat taken (`fromRole` null) or ended (`toRole` null). */
  private seatChanged(
    em: EntityManager,
    actorId: string | null,
    seat: ParticipantEntity,
    organizationId: string | null,
    fromRole: ParticipantRole | null,
    toRole: ParticipantRole | null,
  ): Promise<void> {
    return this.events.publish(em, {
      type: 'SEAT_CHANGED',
      actorId,
      seatId: seat.id,
      workingGroupId: seat.workingGroupId,
      personId: seat.personId,
      organizationId,
      fromRole,
      toRole,
    });
  }

  /**
   * Serialises the changes to a group's seats. FOR NO KEY UPDATE excludes the same lock just as FOR UPDATE
   * would, but not the key-share locks of foreign-key checks: drafts and other rows that reference the
   * group are written meanwhile (several groups' drafts share a statement, decision 59).
   */
  async lockGroup(em: EntityManager, workingGroupId: string): Promise<void> {
    const rows = isId(workingGroupId) ? await em.query(`SELECT id FROM working_groups WHERE id = $1 FOR NO KEY UPDATE`, [workingGroupId]) : [];
    if (rows.length === 0) throw new NotFoundError('working group');
  }

  private async activeMembership(em: EntityManager, workingGroupId: string, organizationId: string): Promise<MembershipEntity | null> {
    const rows: MembershipEntity[] = await em.query(
      `SELECT ${selectColumns(this.dataSource, MembershipEntity, 'm')} FROM working_group_memberships m
       WHERE m.working_group_id = $1 AND m.organization_id = $2 AND m.status = 'ACTIVE'`,
      [workingGroupId, organizationId],
    );
    return rows[0] ?? null;
  }

  private async activeSeat(em: EntityManager, workingGroupId: string, personId: string): Promise<ParticipantEntity | null> {
    const rows: ParticipantEntity[] = await em.query(
      `SELECT ${selectColumns(this.dataSource, ParticipantEntity, 's')} FROM working_group_participants s
       WHERE s.working_group_id = $1 AND s.person_id = $2 AND s.ended_at IS NULL`,
      [workingGroupId, personId],
    );
    return rows[0] ?? null;
  }

  /** Every group keeps at least one chair once it has one. */
  private async assertAnotherChair(em: EntityManager, workingGroupId: string, leavingSeatIds: string[]): Promise<void> {
    const [{ count }]: { count: string }[] = await em.query(
      `SELECT count(*) AS count FROM working_group_participants
       WHERE working_group_id = $1 AND role = 'CHAIR' AND ended_at IS NULL AND NOT (id = ANY($2))`,
      [workingGroupId, leavingSeatIds],
    );
    if (Number(count) === 0) {
      throw new ConflictError('LAST_CHAIR', 'A working group must keep at least one chair; appoint another chair first');
    }
  }
}
