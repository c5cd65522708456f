import { EntityManager } from 'typeorm';
import { DomainEvent } from '@app/core';
import { NotificationCategory } from '../notification.enums';
import { PlannedNotification, RecipientRule } from './recipient-rules';

async function applicationFacts(em: EntityManager, applicationId: unknown) {
  const [row]: { groupName: string; groupId: string; organizationName: string; submittedById: string; state: string; reason: string | null }[] =
    await em.query(
      `SELECT g.name AS "groupName", g.id AS "groupId", o.name AS "organizationName", a.submitted_by_id AS "submittedById",
              a.state, a.decision_reason AS reason
       FROM membership_applications a JOIN working_groups g ON g.id = a.working_group_id JOIN organizations o ON o.id = a.organization_id
       WHERE a.id = $1`,
      [applicationId],
    );
  return row;
}

/** Application submitted: the group's chairs, co-chairs and secretaries. */
export const applicationSubmitted: RecipientRule = async (event, em) => {
  const facts = await applicationFacts(em, event.applicationId);
  if (!facts) return [];
  const managers: { id: string }[] = await em.query(
    `SELECT person_id AS id FROM working_group_participants
     WHERE working_group_id = $1 AND ended_at IS NULL AND role IN ('CHAIR', 'CO_CHAIR', 'SECRETARY')`,
    [facts.groupId],
  );
  return [
    {
      category: NotificationCategory.APPLICATIONS,
      type: 'application.submitted',
      recipientIds: managers.map((m) => m.id),
      link: `/applications/${String(event.applicationId)}`,
      data: { groupName: facts.groupName, organizationName: facts.organizationName },
    },
  ];
};

/** Application accepted or rejected: the applicant (the person who submitted it). */
export const applicationDecided: RecipientRule = async (event: DomainEvent, em: EntityManager): Promise<PlannedNotification[]> => {
  if (event.toState !== 'ACCEPTED' && event.toState !== 'REJECTED') return [];
  const facts = await applicationFacts(em, event.applicationId);
  if (!facts) return [];
  return [
    {
      category: NotificationCategory.APPLICATIONS,
      type: event.toState === 'ACCEPTED' ? 'application.accepted' : 'application.rejected',
      recipientIds: [facts.submittedById],
      link: `/applications/${String(event.applicationId)}`,
      data: { groupName: facts.groupName, organizationName: facts.organizationName, reason: facts.reason },
    },
  ];
};
