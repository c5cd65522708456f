import { EntityManager } from 'typeorm';

export interface ActionItemFacts {
  id: string;
  title: string;
  dueDate: Date | null;
  meetingId: string;
  meetingTitle: string;
  workingGroupId: string | null;
  groupName: string | null;
  locale: string;
  timezone: string;
}

/** An action item with its meeting, group and owner's locale and zone; `openOnly` keeps open items with a due date. */
export async function loadActionItemFacts(
  em: EntityManager,
  actionItemId: unknown,
  ownerId: unknown,
  options: { openOnly?: boolean } = {},
): Promise<ActionItemFacts | undefined> {
  const [item]: ActionItemFacts[] = await em.query(
    `SELECT ai.id, ai.title, ai.due_date AS "dueDate", m.id AS "meetingId", m.title AS "meetingTitle",
            m.working_group_id AS "workingGroupId", g.name AS "groupName", o.locale, o.timezone
     FROM action_items ai JOIN meetings m ON m.id = ai.meeting_id LEFT JOIN working_groups g ON g.id = m.working_group_id
     JOIN people o ON o.id = ai.owner_id
     WHERE ai.id = $1 AND ai.owner_id = $2${options.openOnly ? " AND ai.status = 'OPEN' AND ai.due_date IS NOT NULL" : ''}`,
    [actionItemId, ownerId],
  );
  return item;
}
