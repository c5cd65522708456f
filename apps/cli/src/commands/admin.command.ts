import { INestApplicationContext } from '@nestjs/common';
import { isEmail, isISO31661Alpha2 } from 'class-validator';
import { DataSource } from 'typeorm';
import { AuthService, ConflictError } from '@app/core';
import { OrganizationKind, OrganizationsService } from '@app/organizations';
import { PeopleService, PlatformRole } from '@app/people';
import { UsageError } from '../usage-error';

/** Finds an organisation by name (case-insensitive) or creates it. */
async function ensureOrganization(app: INestApplicationContext, name: string, country: string, kind: OrganizationKind): Promise<string> {
  const [existing]: { id: string }[] = await app.get(DataSource).query(`SELECT id FROM organizations WHERE lower(name) = lower($1)`, [name]);
  if (existing) return existing.id;
  const created = await app.get(OrganizationsService).insert({ name, country, kind });
  return created.id;
}

export interface CreateAdminOptions {
  email: string;
  name: string;
  organization: string;
  country?: string;
  kind?: string;
}

/** Checks the options' syntax before anything starts (a mistake there is a usage error, exit code 2). */
export function checkCreateAdminOptions(options: CreateAdminOptions): CreateAdminOptions {
  if (!isEmail(options.email)) throw new UsageError('--email must be a valid email address');
  if (options.country && !isISO31661Alpha2(options.country.toUpperCase())) {
    throw new UsageError('--country must be an ISO 3166-1 alpha-2 code such as DE');
  }
  if (options.kind && !Object.values(OrganizationKind).includes(options.kind as OrganizationKind)) {
    throw new UsageError(`--kind must be one of ${Object.values(OrganizationKind).join(', ')}`);
  }
  return options;
}

/** Creates the organisation and person if missing, makes the person ADMIN and issues a token. */
export async function createAdmin(app: INestApplicationContext, options: CreateAdminOptions): Promise<string> {
  const people = app.get(PeopleService);
  let person = await people.findByEmail(options.email);
  if (!person) {
    const organizationId = await ensureOrganization(
      app,
      options.organization,
      (options.country ?? 'BE').toUpperCase(),
      (options.kind as OrganizationKind) ?? OrganizationKind.ASSOCIATION,
    );
    person = await people.create({ email: options.email, name: options.name, organizationId, role: PlatformRole.ADMIN });
  }
  if (person.role !== PlatformRole.ADMIN) await people.setRole(person.id, PlatformRole.ADMIN);
  const { secret } = await app.get(AuthService).createAccessToken(person.id, 'cli: create-admin');
  return secret;
}

/** Issues a personal access token for an existing person. */
export async function issueToken(app: INestApplicationContext, email: string, name = 'cli: issue-token'): Promise<string> {
  const person = await app.get(PeopleService).findByEmail(email);
  if (!person) throw new ConflictError('PERSON_NOT_FOUND', `No person has the email ${email}; invite them first`);
  const { secret } = await app.get(AuthService).createAccessToken(person.id, name);
  return secret;
}

/** `--role` as a PlatformRole; anything else is a usage error. */
export function platformRole(value: string): PlatformRole {
  const role = value.toUpperCase();
  if (!Object.values(PlatformRole).includes(role as PlatformRole)) {
    throw new UsageError(`--role must be one of ${Object.values(PlatformRole).join(', ')} (got "${value}")`);
  }
  return role as PlatformRole;
}

/** Gives an existing person a platform role (ADMIN, COUNSEL or MEMBER); their cached sessions see it at once. */
export async function setRole(app: INestApplicationContext, email: string, role: PlatformRole): Promise<string> {
  const people = app.get(PeopleService);
  const person = await people.findByEmail(email);
  if (!person) throw new ConflictError('PERSON_NOT_FOUND', `No person has the email ${email}; invite them first`);
  if (person.role !== role) await people.setRole(person.id, role);
  return `${person.name} <${person.email}> now has the platform role ${role}.`;
}
