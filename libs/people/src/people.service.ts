import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import {
  AuthService,
  ConflictError,
  DomainEvents,
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
  SignInService,
  Viewer,
  newId,
} from '@app/core';
import { OrganizationsService } from '@app/organizations';
import { InvitePersonInput } from './dto/invite-person.input';
import { PersonFilter } from './dto/people.args';
import { UpdateProfileInput } from './dto/update-profile.input';
import { peopleQuery } from './people.loader';
import { Locale, PlatformRole } from './person.enums';
import { PersonEntity } from './person.entity';

const EMAIL_INDEX = 'UQ_people_email_lower';

@Injectable()
export class PeopleService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly organizations: OrganizationsService,
    private readonly signIn: SignInService,
    private readonly auth: AuthService,
    private readonly events: DomainEvents,
  ) {}

  /** Admins invite people; the invitee receives a sign-in link by email. */
  async invite(viewer: Viewer, input: InvitePersonInput): Promise<PersonEntity> {
    if (viewer.role !== PlatformRole.ADMIN) throw new ForbiddenError('Only admins invite people');
    const person = await this.create(input);
    await this.signIn.sendLink(person, person.email);
    return person;
  }

  /** Creates a person (no permission check: callers are the invite mutation and the CLI). */
  async create(input: InvitePersonInput): Promise<PersonEntity> {
    if (!(await this.organizations.findById(input.organizationId))) {
      throw new NotFoundError('organization');
    }
    const now = new Date();
    const person: PersonEntity = {
      id: newId(),
      organizationId: input.organizationId,
      name: input.name,
      email: input.email,
      title: input.title ?? null,
      locale: input.locale ?? Locale.EN,
      timezone: input.timezone ?? 'Europe/Brussels',
      role: input.role ?? PlatformRole.MEMBER,
      createdAt: now,
      updatedAt: now,
    };
    try {
      await this.dataSource.getRepository(PersonEntity).insert(person);
    } catch (error) {
      if (isUniqueViolation(error, EMAIL_INDEX)) {
        throw new ConflictError('EMAIL_TAKEN', 'A person with this email already exists', 'email');
      }
      throw error;
    }
    return person;
  }

  async updateProfile(viewer: Viewer, input: UpdateProfileInput): Promise<PersonEntity> {
    for (const field of ['name', 'locale', 'timezone'] as const) {
      if (input[field] === null) throw new InvalidInputError(field, `${field} cannot be null`);
    }
    const changes: Partial<PersonEntity> = { ...(input as Partial<PersonEntity>), updatedAt: new Date() };
    await this.dataSource.getRepository(PersonEntity).update({ id: viewer.id }, changes);
    this.auth.forgetPerson(viewer.id);
    return (await this.findById(viewer.id))!;
  }

  async findById(id: string): Promise<PersonEntity | null> {
    if (!isId(id)) return null;
    const query = peopleQuery(this.dataSource);
    const rows: PersonEntity[] = await this.dataSource.query(`SELECT ${query.columns} FROM people p WHERE p.id = $1`, [id]);
    return rows[0] ?? null;
  }

  async findByEmail(email: string): Promise<PersonEntity | null> {
    const query = peopleQuery(this.dataSource);
    const rows: PersonEntity[] = await this.dataSource.query(`SELECT ${query.columns} FROM people p WHERE lower(p.email) = lower($1)`, [
      email.trim(),
    ]);
    return rows[0] ?? null;
  }

  /** Changes a person's platform role and publishes ROLE_CHANGED (the audit log); `actorId` null: the CLI. */
  async setRole(personId: string, role: PlatformRole, actorId: string | null = null): Promise<void> {
    await this.dataSource.transaction(async (em) => {
      const [person]: { role: PlatformRole; organizationId: string }[] = isId(personId)
        ? await em.query(`SELECT role, organization_id AS "organizationId" FROM people WHERE id = $1 FOR UPDATE`, [personId])
        : [];
      if (!person) throw new NotFoundError('person');
      if (person.role === role) return;
      await em.getRepository(PersonEntity).update({ id: personId }, { role, updatedAt: new Date() });
      await this.events.publish(em, {
        type: 'ROLE_CHANGED',
        actorId,
        personId,
        organizationId: person.organizationId,
        workingGroupId: null,
        fromRole: person.role,
        toRole: role,
      });
    });
    this.auth.forgetPerson(personId);
  }

  list(filter: PersonFilter | null | undefined, args: PageArgs): Connection<PersonEntity> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter?.organizationId) {
      params.push(filter.organizationId);
      where.push(`p.organization_id = $${params.length}`);
    }
    if (filter?.workingGroupId) {
      params.push(filter.workingGroupId);
      where.push(
        `EXISTS (SELECT 1 FROM working_group_participants s WHERE s.person_id = p.id AND s.working_group_id = $${params.length} AND s.ended_at IS NULL)`,
      );
    }
    if (filter?.search?.trim()) {
      params.push(`%${escapeLike(filter.search.trim())}%`);
      where.push(`p.name ILIKE $${params.length}`);
    }
    const query: ListQuery = { ...peopleQuery(this.dataSource), where, params };
    return lazyConnection(
      () => fetchPage<PersonEntity>(this.dataSource, query, args),
      () => fetchCount(this.dataSource, query),
    );
  }
}
