import { DataSource, EntityManager } from 'typeorm';
import { querySql, sql } from '@app/core';
import { effectiveStatement, StatementLanguage, statementLanguage } from './antitrust-statements';

/** A meeting's competition-law state as documents print it (the brief); the caller has checked that the meeting may be read. */
export interface AntitrustSummary {
  /** The meeting's language: the statement's, and the one its approval line is printed in. */
  language: StatementLanguage;
  statement: string;
  approvedAt: Date | null;
  approvedByName: string | null;
  /** Current invitees who acknowledged the statement. */
  acknowledgedPersonIds: string[];
}

/** One statement, however many invitees acknowledged. */
export async function loadAntitrustSummary(db: DataSource | EntityManager, meetingId: string): Promise<AntitrustSummary> {
  const [row] = await querySql<{ own: string | null; locale: string; approvedAt: Date | null; approvedByName: string | null; acknowledged: string[] }>(
    db,
    sql`SELECT t.statement AS own, o.locale, t.approved_at AS "approvedAt", a.name AS "approvedByName",
               ARRAY(SELECT k.person_id::text FROM antitrust_acknowledgements k
                     JOIN meeting_invitations i ON i.meeting_id = k.meeting_id AND i.person_id = k.person_id
                     WHERE k.meeting_id = m.id) AS acknowledged
        FROM meetings m JOIN people o ON o.id = m.created_by_id
        LEFT JOIN meeting_antitrust t ON t.meeting_id = m.id LEFT JOIN people a ON a.id = t.approved_by_id
        WHERE m.id = ${meetingId}::uuid`,
  );
  const language = statementLanguage(row?.locale);
  return {
    language,
    statement: effectiveStatement(row?.own ?? null, language),
    approvedAt: row?.approvedAt ?? null,
    approvedByName: row?.approvedByName ?? null,
    acknowledgedPersonIds: row?.acknowledged ?? [],
  };
}
