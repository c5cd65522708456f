import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { ConflictError, ForbiddenError, InvalidInputError, isId, isUniqueViolation, NotFoundError, selectColumns, Viewer, newId } from '@app/core';
import { LISTED_WORKING_GROUPS } from './working-groups.loader';
import { CreateWorkingGroupInput, UpdateWorkingGroupInput } from './dto/working-group.input';
import { WorkingGroupEntity } from './working-group.entity';
import { WorkingGroupStatus } from './working-group.enums';
import { WorkingGroupPolicy } from './working-group.policy';

@Injectable()
export class WorkingGroupsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly policy: WorkingGroupPolicy,
  ) {}

  async create(viewer: Viewer, input: CreateWorkingGroupInput): Promise<WorkingGroupEntity> {
    if (viewer.role !== 'ADMIN') throw new ForbiddenError('Only admins create working groups');
    const now = new Date();
    const group: WorkingGroupEntity = {
      id: newId(),
      slug: input.slug,
      name: input.name,
      mission: input.mission,
      status: input.status ?? WorkingGroupStatus.ACTIVE,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.dataSource.getRepository(WorkingGroupEntity).insert(group);
    } catch (error) {
      if (isUniqueViolation(error, 'UQ_working_groups_slug')) {
        throw new ConflictError('SLUG_TAKEN', 'A working group with this slug already exists', 'slug');
      }
      throw error;
    }
    return group;
  }

  /** Admins, and the group's own chairs and secretaries. */
  async update(viewer: Viewer, id: string, input: UpdateWorkingGroupInput): Promise<WorkingGroupEntity> {
    const current = await this.findById(id);
    if (!current) throw new NotFoundError('working group');
    await this.policy.assertCanManage(viewer, id);
    for (const field of ['name', 'mission', 'status'] as const) {
      if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
    }
    const changes: Partial<WorkingGroupEntity> = { ...(input as Partial<WorkingGroupEntity>), updatedAt: new Date() };
    await this.dataSource.getRepository(WorkingGroupEntity).update({ id }, changes);
    return { ...current, ...changes };
  }

  findAll(): Promise<WorkingGroupEntity[]> {
    return this.dataSource.query(
      `SELECT ${selectColumns(this.dataSource, WorkingGroupEntity, 'g')} FROM working_groups g ORDER BY lower(g.name), g.id LIMIT $1`,
      [LISTED_WORKING_GROUPS],
    );
  }

  async findById(id: string): Promise<WorkingGroupEntity | null> {
    if (!isId(id)) return null;
    const rows: WorkingGroupEntity[] = await this.dataSource.query(
      `SELECT ${selectColumns(this.dataSource, WorkingGroupEntity, 'g')} FROM working_groups g WHERE g.id = $1`,
      [id],
    );
    return rows[0] ?? null;
  }

  async findBySlug(slug: string): Promise<WorkingGroupEntity | null> {
    const rows: WorkingGroupEntity[] = await this.dataSource.query(
      `SELECT ${selectColumns(this.dataSource, WorkingGroupEntity, 'g')} FROM working_groups g WHERE g.slug = $1`,
      [slug],
    );
    return rows[0] ?? null;
  }
}
