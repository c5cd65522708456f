import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { batchedConnections, byIdLoader, ListQuery, selectColumns, Viewer } from '@app/core';
import { PersonEntity } from './person.entity';

export function peopleQuery(dataSource: DataSource): Omit<ListQuery, 'where' | 'params'> {
  return {
    columns: selectColumns(dataSource, PersonEntity, 'p'),
    from: 'people p',
    orderBy: [
      { sql: 'lower(p.name)', type: 'text' },
      { sql: 'p.id', type: 'uuid', property: 'id' },
    ],
    properties: 'all',
  };
}

/** Per-request batching for people: by id, per organisation (pages and counts), email visibility. */
export function createPeopleLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const query: ListQuery = peopleQuery(dataSource);

  return {
    byId: byIdLoader<PersonEntity>(dataSource, `SELECT ${query.columns} FROM people p WHERE p.id = ANY($1)`),

    /** `Organization.people`: one statement per batch of organisations for pages, one for counts. */
    ofOrganization: batchedConnections<PersonEntity>(dataSource, query, 'p.organization_id'),

    /** Whether the viewer holds a seat in a working group where the person holds one too. */
    sharesGroupWithViewer: new DataLoader<string, boolean>(async (personIds) => {
      if (!viewer) return personIds.map(() => false);
      const rows: { personId: string }[] = await dataSource.query(
        `SELECT DISTINCT other.person_id AS "personId"
         FROM working_group_participants other
         JOIN working_group_participants mine
           ON mine.working_group_id = other.working_group_id AND mine.person_id = $2 AND mine.ended_at IS NULL
         WHERE other.person_id = ANY($1) AND other.ended_at IS NULL`,
        [personIds, viewer.id],
      );
      const shared = new Set(rows.map((r) => r.personId));
      return personIds.map((id) => shared.has(id));
    }),
  };
}
