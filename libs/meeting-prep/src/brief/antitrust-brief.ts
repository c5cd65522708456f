import { AntitrustSummary, StatementLanguage } from '@app/governance';
import { BriefAntitrust } from './meeting-brief';

/** The brief's antitrust wording in the meeting's language (the statement's): EN and DE. */
const WORDS: Record<StatementLanguage, { heading: string; approved: (name: string, day: string) => string; notApproved: string; tag: string; acknowledged: (n: number, of: number) => string }> = {
  EN: {
    heading: 'Antitrust statement',
    approved: (name, day) => `Agenda approved by ${name} on ${day}`,
    notApproved: 'Agenda not yet approved by counsel',
    tag: 'en-GB',
    acknowledged: (n, of) => `${n} of ${of} ${of === 1 ? 'invitee' : 'invitees'} acknowledged the statement.`,
  },
  DE: {
    heading: 'Kartellrechtlicher Hinweis',
    approved: (name, day) => `Tagesordnung freigegeben von ${name} am ${day}`,
    notApproved: 'Tagesordnung noch nicht von der Rechtsberatung freigegeben',
    tag: 'de-DE',
    acknowledged: (n, of) => `${n} von ${of} Eingeladenen haben den Hinweis bestätigt.`,
  },
};

/** `3 February 2026` / `3. Februar 2026` in the meeting's zone. */
function day(date: Date, zone: string, tag: string): string {
  return new Intl.DateTimeFormat(tag, { day: 'numeric', month: 'long', year: 'numeric', timeZone: zone }).format(date);
}

/** The statement, counsel's approval (or its absence) and how many invitees acknowledged, worded for the brief. */
export function briefAntitrust(summary: AntitrustSummary, zone: string, invitees: number, acknowledged: number): BriefAntitrust {
  const words = WORDS[summary.language];
  const approved = summary.approvedAt !== null;
  return {
    language: summary.language,
    heading: words.heading,
    statement: summary.statement,
    approved,
    approval: approved && summary.approvedAt ? words.approved(summary.approvedByName ?? '—', day(new Date(summary.approvedAt), zone, words.tag)) : words.notApproved,
    acknowledgements: words.acknowledged(acknowledged, invitees),
  };
}
