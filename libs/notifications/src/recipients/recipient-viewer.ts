import { DataSource, EntityManager } from 'typeorm';
import { LocaleValue, PlatformRoleValue, Viewer } from '@app/core';

/** A person who may be told about something, with what the domain's read rules need to judge them. */
export interface RecipientPerson {
  id: string;
  organizationId: string;
  name: string;
  email: string;
  role: PlatformRoleValue;
  locale: LocaleValue;
  timezone: string;
}

/** The columns of `people` (alias `p`) a RecipientPerson is read from. */
export const RECIPIENT_COLUMNS = `p.id, p.organization_id AS "organizationId", p.name, p.email, p.role, p.locale, p.timezone`;

/**
 * The recipient as a viewer, so that the domain's own read rules (`canReadProposalSql`, the meeting
 * brief) decide what a notification may tell or attach: exactly what they would see signed in.
 */
export function asViewer(person: RecipientPerson): Viewer {
  return { ...person, credential: { kind: 'session', id: 'notification' } };
}

export async function recipientPeople(db: DataSource | EntityManager, ids: string[]): Promise<RecipientPerson[]> {
  if (ids.length === 0) return [];
  return db.query(`SELECT ${RECIPIENT_COLUMNS} FROM people p WHERE p.id = ANY($1)`, [ids]);
}
