import { EntityManager } from 'typeorm';
import { translate } from '../i18n/translate';
import { NotificationCategory } from '../notification.enums';
import { PlannedNotification, RecipientRule } from './recipient-rules';

interface Audience {
  groupName: string | null;
  people: { id: string; locale: string }[];
}

/**
 * Who hears about a scope's priorities: the group's participants, or — for alliance-wide priorities,
 * set by the steering committee — every participant of any group.
 */
async function audience(em: EntityManager, workingGroupId: string | null): Promise<Audience> {
  const people: { id: string; locale: string }[] = await em.query(
    `SELECT p.id, p.locale FROM people p
     WHERE EXISTS (SELECT 1 FROM working_group_participants s
                   WHERE s.person_id = p.id AND s.ended_at IS NULL AND ($1::uuid IS NULL OR s.working_group_id = $1::uuid))`,
    [workingGroupId],
  );
  if (workingGroupId === null) return { groupName: null, people };
  const [group]: { name: string }[] = await em.query(`SELECT name FROM working_groups WHERE id = $1`, [workingGroupId]);
  return { groupName: group?.name ?? null, people };
}

/** `scope` names the group, or the alliance in the recipient's language. */
function plan(type: string, workingGroupId: string | null, { groupName, people }: Audience, data: Record<string, unknown>): PlannedNotification[] {
  if (people.length === 0) return [];
  return [
    {
      category: NotificationCategory.PRIORITIES,
      type,
      recipientIds: people.map((p) => p.id),
      link: workingGroupId ? `/working-groups/${workingGroupId}/priorities` : '/priorities',
      data: { ...data, workingGroupId, groupName, scope: groupName },
      perRecipient: groupName === null ? Object.fromEntries(people.map((p) => [p.id, { scope: translate(p.locale, 'common.allianceScope') }])) : undefined,
    },
  ];
}

export const priorityAdopted: RecipientRule = async (event, em) => {
  const [priority]: { id: string; title: string; workingGroupId: string | null }[] = await em.query(
    `SELECT id, title, working_group_id AS "workingGroupId" FROM priorities WHERE id = $1`,
    [event.priorityId],
  );
  if (!priority) return [];
  return plan('priority.adopted', priority.workingGroupId, await audience(em, priority.workingGroupId), {
    priorityId: priority.id,
    priorityTitle: priority.title,
  });
};

export const prioritiesReordered: RecipientRule = async (event, em) => {
  const workingGroupId = typeof event.workingGroupId === 'string' ? event.workingGroupId : null;
  return plan('priority.reranked', workingGroupId, await audience(em, workingGroupId), {});
};

export const PRIORITY_RULES: Record<string, RecipientRule> = {
  PRIORITY_ADOPTED: priorityAdopted,
  PRIORITIES_REORDERED: prioritiesReordered,
};
