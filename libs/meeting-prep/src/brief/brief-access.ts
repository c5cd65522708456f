import { Viewer } from '@app/core';

/**
 * Whether the viewer may see the email of the person row `alias`, as one SQL condition (parameters
 * are appended to `params`): the rule of `Person.email` (PeopleResolver) — themselves, admins, and
 * people who share a working group with them.
 */
export function canSeeEmailSql(viewer: Viewer, alias: string, params: unknown[]): string {
  if (viewer.role === 'ADMIN') return 'TRUE';
  params.push(viewer.id);
  const person = `$${params.length}::uuid`;
  return `(${alias}.id = ${person} OR EXISTS (
    SELECT 1 FROM working_group_participants other
    JOIN working_group_participants mine ON mine.working_group_id = other.working_group_id AND mine.person_id = ${person} AND mine.ended_at IS NULL
    WHERE other.person_id = ${alias}.id AND other.ended_at IS NULL))`;
}
