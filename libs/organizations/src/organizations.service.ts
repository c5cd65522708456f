import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  ConflictError,
  escapeLike,
  Connection,
  fetchCount,
  fetchPage,
  ForbiddenError,
  InvalidInputError,
  isId,
  isUniqueViolation,
  lazyConnection,
  ListQuery,
  NotFoundError,
  PageArgs,
  selectColumns,
  Viewer,
  newId,
} from '@app/core';
import { CreateOrganizationInput } from './dto/create-organization.input';
import { OrganizationFilter } from './dto/organization-filter.input';
import { UpdateOrganizationInput } from './dto/update-organization.input';
import { OrganizationEntity } from './organization.entity';

const NAME_INDEX = 'UQ_organizations_name_lower';

function assertAdmin(viewer: Viewer): void {
  if (viewer.role !== 'ADMIN') throw new ForbiddenError('Only admins manage organisations');
}

@Injectable()
export class OrganizationsService {
  constructor(private readonly dataSource: DataSource) {}

  async create(viewer: Viewer, input: CreateOrganizationInput): Promise<OrganizationEntity> {
    assertAdmin(viewer);
    return this.insert(input);
  }

  /** Creates an organisation without a permission check (for the CLI and seeding). */
  async insert(input: CreateOrganizationInput): Promise<OrganizationEntity> {
    const now = new Date();
    const organization: OrganizationEntity = {
      id: newId(),
      name: input.name,
      shortName: input.shortName ?? null,
      kind: input.kind,
      country: input.country,
      website: input.website ?? null,
      description: input.description ?? null,
      createdAt: now,
      updatedAt: now,
    };
    await this.insertUnique(() => this.dataSource.getRepository(OrganizationEntity).insert(organization));
    return organization;
  }

  async update(viewer: Viewer, id: string, input: UpdateOrganizationInput): Promise<OrganizationEntity> {
    assertAdmin(viewer);
    const current = await this.findById(id);
    if (!current) throw new NotFoundError('organization');
    for (const field of ['name', 'kind', 'country'] as const) {
      if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
    }
    const changes: Partial<OrganizationEntity> = { ...input, updatedAt: new Date() };
    await this.insertUnique(() => this.dataSource.getRepository(OrganizationEntity).update({ id }, changes));
    return { ...current, ...changes };
  }

  async findById(id: string): Promise<OrganizationEntity | null> {
    if (!isId(id)) return null;
    const rows: OrganizationEntity[] = await this.dataSource.query(
      `SELECT ${selectColumns(this.dataSource, OrganizationEntity, 'o')} FROM organizations o WHERE o.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  /** Ordered by name (case-insensitive), then id, for stable keyset pages. */
  list(filter: OrganizationFilter | null | undefined, args: PageArgs): Connection<OrganizationEntity> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter?.kind) {
      params.push(filter.kind);
      where.push(`o.kind = $${params.length}`);
    }
    if (filter?.country) {
      params.push(filter.country);
      where.push(`o.country = $${params.length}`);
    }
    if (filter?.search?.trim()) {
      params.push(`%${escapeLike(filter.search.trim())}%`);
      where.push(`(o.name ILIKE $${params.length} OR o.short_name ILIKE $${params.length})`);
    }
    const query: ListQuery = {
      columns: selectColumns(this.dataSource, OrganizationEntity, 'o'),
      from: 'organizations o',
      where,
      params,
      orderBy: [
        { sql: 'lower(o.name)', type: 'text' },
        { sql: 'o.id', type: 'uuid', property: 'id' },
      ],
      properties: 'all',
    };
    return lazyConnection(
      () => fetchPage<OrganizationEntity>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }

  private async insertUnique(write: () => Promise<unknown>): Promise<void> {
    try {
      await write();
    } catch (error) {
      if (isUniqueViolation(error, NAME_INDEX)) {
        throw new ConflictError('ORGANIZATION_NAME_TAKEN', 'An organisation with this name already exists', 'name');
      }
      throw error;
    }
  }
}
