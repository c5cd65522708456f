import DataLoader from 'dataloader';
import { DataSource } from 'typeorm';
import { Connection, fetchCountsByParent, fetchPagesByParent, lazyConnection, ListQuery, Page, PageArgs, selectColumns, Viewer } from '@app/core';
import { PersonEntity } from './person.entity';

export function peopleQuery(dataSource: DataSource): Omit<ListQuery, 'where' | 'params'> {
  return {
    columns: selectColumns(dataSource, PersonEntity, 'p'),
    from: 'people p',
    orderBy: [
      { sql: 'lower(p.name)', type: 'text' },
      { sql: 'p.id', type: 'uuid' },
    ],
  };
}

/** Per-request batching for people: by id, per organisation (pages and counts), email visibility. */
export function createPeopleLoaders(dataSource: DataSource, viewer: Viewer | null) {
  const query: ListQuery = peopleQuery(dataSource);
  const pagesByArgs = new Map<string, DataLoader<string, Page<PersonEntity>>>();
  const countsByOrganization = new DataLoader<string, number>(async (ids) => {
    const counts = await fetchCountsByParent(dataSource, query, 'p.organization_id', ids);
    return ids.map((id) => counts.get(id)!);
  });

  return {
    byId: new DataLoader<string, PersonEntity | null>(async (ids) => {
      const rows: PersonEntity[] = await dataSource.query(`SELECT ${query.columns} FROM people p WHERE p.id = ANY($1)`, [ids]);
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),

    /** `Organization.people`: one statement per batch of organisations for pages, one for counts. */
    ofOrganization(organizationId: string, args: PageArgs): Connection<PersonEntity> {
      const key = JSON.stringify(args);
      let pages = pagesByArgs.get(key);
      if (!pages) {
        pages = new DataLoader(async (ids) => {
          const byParent = await fetchPagesByParent<PersonEntity>(dataSource, query, 'p.organization_id', ids, args);
          return ids.map((id) => byParent.get(id)!);
        });
        pagesByArgs.set(key, pages);
      }
      const loader = pages;
      return lazyConnection(
        () => loader.load(organizationId),
        () => countsByOrganization.load(organizationId),
      );
    },

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
