import { DataSource, EntityTarget, ObjectLiteral } from 'typeorm';

const cache = new WeakMap<object, Map<string, string>>();

type Columns = ReturnType<DataSource['getMetadata']>['columns'];

/** Columns declared `select: false` (a search document) are left out: only SQL that names them reads them. */
const columnList = (columns: Columns, alias: string) =>
  columns
    .filter((c) => c.isSelect)
    .map((c) => `${alias}."${c.databaseName}" AS "${c.propertyName}"`)
    .join(', ');

/**
 * `alias."db_column" AS "propertyName", …` for an entity: raw queries return rows shaped like the
 * entity without TypeORM's hydration cost (see DESIGN.md, field notes on TypeORM).
 */
export function selectColumns<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>, alias: string): string {
  let perEntity = cache.get(entity as object);
  if (!perEntity) {
    perEntity = new Map();
    cache.set(entity as object, perEntity);
  }
  let sql = perEntity.get(alias);
  if (!sql) {
    sql = columnList(dataSource.getMetadata(entity).columns, alias);
    perEntity.set(alias, sql);
  }
  return sql;
}

/**
 * Like `selectColumns`, but only the columns of the given entity properties, and always the primary key:
 * a list whose client asked for a few fields does not read and decode the others (long texts, dates).
 * `null` selects every column.
 */
export function selectSomeColumns<T extends ObjectLiteral>(
  dataSource: DataSource,
  entity: EntityTarget<T>,
  alias: string,
  properties: ReadonlySet<string> | null,
): string {
  if (!properties) return selectColumns(dataSource, entity, alias);
  return columnList(
    dataSource.getMetadata(entity).columns.filter((c) => c.isPrimary || properties.has(c.propertyName)),
    alias,
  );
}

/** The table name of an entity, quoted. */
export function tableOf<T extends ObjectLiteral>(dataSource: DataSource, entity: EntityTarget<T>): string {
  return `"${dataSource.getMetadata(entity).tableName}"`;
}
