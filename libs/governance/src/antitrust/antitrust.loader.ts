import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { groupedLoader, querySql, rawSql, selectColumns, sql, Viewer } from '@app/core';
import { LISTED_INVITATIONS } from '@app/meetings';
import { PersonEntity } from '@app/people';
import { effectiveStatement, statementLanguage } from './antitrust-statements';

/** What `AntitrustCompliance` resolves from: its scalar fields, and the ids its relations load. */
export interface AntitrustComplianceValue {
  meetingId: string;
  statement: string;
  agendaApprovedAt: Date | null;
  agendaApprovedById: string | null;
  pendingCount: number;
  viewerAcknowledged: boolean;
}

/** An acknowledging invitee, with the meeting it belongs to (the loader's key). */
export type AcknowledgingPerson = PersonEntity & { meetingId: string };

/**
 * Per-request batching for `Meeting.antitrust`: one statement per batch of meetings for the compliance
 * values, one for the people who acknowledged. Only current invitees count: someone uninvited after
 * acknowledging is neither listed nor pending.
 */
export function createAntitrustLoaders(dataSource: DataSource, viewer: Viewer | null) {
  return {
    compliance: new DataLoader<string, AntitrustComplianceValue>(async (meetingIds) => {
      const rows = await querySql<{
        meetingId: string;
        own: string | null;
        locale: string;
        approvedAt: Date | null;
        approvedById: string | null;
        pending: number;
        viewerAcknowledged: boolean;
      }>(
        dataSource,
        sql`SELECT m.id AS "meetingId", t.statement AS own, o.locale, t.approved_at AS "approvedAt", t.approved_by_id AS "approvedById",
                   (SELECT count(*) FROM meeting_invitations i
                    WHERE i.meeting_id = m.id AND i.status <> 'DECLINED'
                      AND NOT EXISTS (SELECT 1 FROM antitrust_acknowledgements k WHERE k.meeting_id = m.id AND k.person_id = i.person_id))::int AS pending,
                   EXISTS (SELECT 1 FROM antitrust_acknowledgements k JOIN meeting_invitations i ON i.meeting_id = k.meeting_id AND i.person_id = k.person_id
                           WHERE k.meeting_id = m.id AND k.person_id = ${viewer?.id ?? null}::uuid) AS "viewerAcknowledged"
            FROM meetings m JOIN people o ON o.id = m.created_by_id LEFT JOIN meeting_antitrust t ON t.meeting_id = m.id
            WHERE m.id = ANY(${meetingIds}::uuid[])`,
      );
      const byId = new Map(
        rows.map((row): [string, AntitrustComplianceValue] => [
          row.meetingId,
          {
            meetingId: row.meetingId,
            statement: effectiveStatement(row.own, statementLanguage(row.locale)),
            agendaApprovedAt: row.approvedAt,
            agendaApprovedById: row.approvedById,
            pendingCount: row.pending,
            viewerAcknowledged: row.viewerAcknowledged,
          },
        ]),
      );
      return meetingIds.map((id) => byId.get(id) ?? new Error(`Meeting ${id} not found`));
    }),

    /** Invitees who acknowledged, by name; never more than a meeting's listed invitations. */
    acknowledgedBy: groupedLoader<AcknowledgingPerson>(
      dataSource,
      {
        columns: sql`${rawSql(selectColumns(dataSource, PersonEntity, 'p'))}, k.meeting_id AS "meetingId"`,
        from: sql`antitrust_acknowledgements k
                  JOIN meeting_invitations i ON i.meeting_id = k.meeting_id AND i.person_id = k.person_id
                  JOIN people p ON p.id = k.person_id`,
        key: sql`k.meeting_id`,
        orderBy: sql`lower(p.name), p.id`,
        limit: LISTED_INVITATIONS,
      },
      'meetingId',
    ),
  };
}
