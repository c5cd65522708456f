import { DataSource } from 'typeorm';
import { InvalidInputError, ListQuery, selectColumns, Viewer } from '@app/core';
import { MeetingFilter } from './dto/meeting.input';
import { MeetingEntity } from './meeting.entity';
import { canReadMeetingSql } from './meeting.policy';

/**
 * The meetings a viewer may read, filtered, by start time then id (ascending, or descending with
 * `latestFirst`): one definition for
 * `meetings` and `WorkingGroup.meetings`, so pages and `totalCount` agree. The window `[from, to)`
 * keeps meetings that overlap it: those ending after `from` and starting before `to`.
 */
export function meetingListQuery(dataSource: DataSource, viewer: Viewer, filter: MeetingFilter | null | undefined): ListQuery {
  if (filter?.from && filter.to && filter.to.getTime() <= filter.from.getTime()) {
    throw new InvalidInputError('filter.to', 'filter.to must be after filter.from');
  }
  const params: unknown[] = [];
  const where = [canReadMeetingSql(viewer, 'm', params)];
  const add = (value: unknown, condition: (placeholder: string) => string) => {
    params.push(value);
    where.push(condition(`$${params.length}`));
  };
  if (filter?.workingGroupId) add(filter.workingGroupId, (v) => `m.working_group_id = ${v}::uuid`);
  if (filter?.from) add(filter.from, (v) => `m.ends_at > ${v}::timestamptz`);
  if (filter?.to) add(filter.to, (v) => `m.starts_at < ${v}::timestamptz`);
  if (filter?.statuses?.length) add(filter.statuses, (v) => `m.status = ANY(${v}::text[])`);
  return {
    columns: selectColumns(dataSource, MeetingEntity, 'm'),
    from: 'meetings m',
    where,
    params,
    orderBy: [
      { sql: 'm.starts_at', type: 'timestamptz', property: 'startsAt' },
      { sql: 'm.id', type: 'uuid', property: 'id' },
    ],
    properties: 'all',
    descending: filter?.latestFirst === true,
  };
}
