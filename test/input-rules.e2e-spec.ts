import { TypeMetadataStorage } from '@nestjs/graphql';
import { getMetadataStorage } from 'class-validator';
import { MULTI_LINE_RULE, SINGLE_LINE_RULE } from '@app/core';
import { Actor, makePerson } from './support/factories';
import { ok, refusal, startTestApp, TestApp } from './support/test-app';

/** Every field of every input and arguments class of the running schema, with its validation rules' names. */
function inputFields(): { where: string; type: unknown; isArray: boolean; rules: string[] }[] {
  const storage = getMetadataStorage();
  const classes = [...TypeMetadataStorage.getInputTypesMetadata(), ...TypeMetadataStorage.getArgumentsMetadata()];
  return classes.flatMap(({ target, name, properties }) => {
    const rules = storage.getTargetValidationMetadatas(target, '', true, false);
    return (properties ?? []).map((property) => {
      let type: unknown = property.typeFn();
      while (Array.isArray(type)) type = type[0];
      const own = rules.filter((rule) => rule.propertyName === property.name);
      return {
        where: `${name}.${property.name}`,
        type,
        isArray: Boolean(property.options.isArray) || Array.isArray(property.typeFn()),
        rules: own.flatMap((rule) => storage.getTargetValidatorConstraints(rule.constraintCls).map((constraint) => constraint.name ?? rule.type)),
      };
    });
  });
}

/** Every argument of a query, mutation or subscription that is not an arguments class (`@Args('id')`). */
function namedArguments(): { where: string; type: unknown; isArray: boolean }[] {
  const operations = [...TypeMetadataStorage.getQueriesMetadata(), ...TypeMetadataStorage.getMutationsMetadata(), ...TypeMetadataStorage.getSubscriptionsMetadata()];
  return operations.flatMap((operation) =>
    (operation.methodArgs ?? []).flatMap((arg) =>
      arg.kind === 'arg'
        ? [{ where: `${operation.schemaName}(${arg.name})`, type: arg.typeFn(), isArray: Boolean(arg.options.isArray) || Array.isArray(arg.typeFn()) }]
        : [],
    ),
  );
}

/** The rules every input obeys at the edge (docs/api-guide.md, "Input rules"). */
describe('Input rules (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  let member: Actor;

  beforeAll(async () => {
    t = await startTestApp();
    [admin, member] = await Promise.all([makePerson(t, { admin: true }), makePerson(t)]);
  });
  afterAll(() => t.close());

  const workshopsTitled = async (title: string) =>
    (await t.dataSource.query(`SELECT count(*)::int AS n FROM meetings WHERE title = $1`, [title]))[0].n as number;

  describe('DateTime', () => {
    const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { id startsAt } }`;
    const workshop = (title: string, startsAt: string, endsAt = '2027-03-05T10:00:00Z') => ({
      workingGroupId: null,
      title,
      format: 'ONLINE',
      onlineUrl: 'https://meet.example.org/ecava',
      startsAt,
      endsAt,
      timezone: 'Europe/Brussels',
    });
    const inline = (title: string, startsAt: string) =>
      `mutation { scheduleMeeting(input: { title: "${title}", format: ONLINE, onlineUrl: "https://meet.example.org/ecava",
        startsAt: "${startsAt}", endsAt: "2027-03-05T10:00:00Z", timezone: "Europe/Brussels" }) { id startsAt } }`;

    it.each([
      ['30 February', '2027-02-30T08:00:00Z'],
      ['29 February of a common year', '2027-02-29T08:00:00Z'],
      ['hour 24', '2027-03-01T24:00:00Z'],
      ['hour 25', '2027-03-01T25:00:00Z'],
      ['minute 60', '2027-03-01T08:60:00Z'],
      ['a leap second', '2027-03-01T08:59:60Z'],
    ])('refuses %s as a variable and as an inline literal, naming the field, storing nothing', async (what, startsAt) => {
      const title = `Impossible ${what}`;
      expect(refusal(await t.gql(SCHEDULE, { input: workshop(title, startsAt) }, admin.token))).toMatchObject({
        code: 'BAD_USER_INPUT',
        field: 'startsAt',
      });
      expect(refusal(await t.gql(inline(title, startsAt), {}, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'startsAt' });
      expect(await workshopsTitled(title)).toBe(0);
    });

    it('stores 29 February of a leap year and an offset as the instant they name', async () => {
      const leap = ok(await t.gql(SCHEDULE, { input: workshop('Leap day', '2028-02-29T08:00:00Z', '2028-02-29T10:00:00Z') }, admin.token));
      expect(leap.scheduleMeeting.startsAt).toBe('2028-02-29T08:00:00.000Z');
      const offset = ok(await t.gql(inline('With an offset', '2027-03-01T00:30:00+01:00'), {}, admin.token));
      expect(offset.scheduleMeeting.startsAt).toBe('2027-02-28T23:30:00.000Z');
    });
  });

  describe('single-line and multi-line text', () => {
    const PROFILE = `mutation ($input: UpdateProfileInput!) { updateMyProfile(input: $input) { name title } }`;

    it('classifies every String input field as single-line or multi-line, and names no String argument outside a class', () => {
      const fields = inputFields();
      const text = fields.filter((field) => field.type === String);
      // The walk found the inputs (a broken walk would pass vacuously).
      expect(text.map((field) => field.where)).toEqual(expect.arrayContaining(['InvitePersonInput.name', 'CreateProposalInput.body', 'RequestSignInLinkArgs.email']));
      expect(text.filter((field) => !field.rules.includes(SINGLE_LINE_RULE) && !field.rules.includes(MULTI_LINE_RULE)).map((field) => field.where)).toEqual([]);
      expect(namedArguments().filter((arg) => arg.type === String).map((arg) => arg.where)).toEqual([]);
    });

    it.each([
      ['a line feed', 'Ada\nBcc: x@evil.example'],
      ['a carriage return', 'Ada\rBcc: x@evil.example'],
      ['a tab', 'Ada\tLovelace'],
      ['an escape', 'Ada\u001b[31m'],
      ['a line separator', 'Ada\u2028Bcc: x@evil.example'],
    ])('refuses a name with %s (BAD_USER_INPUT naming the field) and changes nothing', async (_, name) => {
      const before = ok(await t.gql(`{ me { name title } }`, {}, member.token)).me;
      expect(refusal(await t.gql(PROFILE, { input: { name, title: 'Changed' } }, member.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(ok(await t.gql(`{ me { name title } }`, {}, member.token)).me).toEqual(before);
    });

    it('refuses an invited person whose name carries a line: nobody is created or emailed', async () => {
      const INVITE = `mutation ($input: InvitePersonInput!) { invitePerson(input: $input) { id } }`;
      const organizationId = (await t.dataSource.query(`SELECT organization_id AS id FROM people WHERE id = $1`, [member.id]))[0].id;
      const email = 'injected@example.org';
      const input = { email, name: 'New Person\nBcc: x@evil.example', organizationId };
      expect(refusal(await t.gql(INVITE, { input }, admin.token))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
      expect(await t.dataSource.query(`SELECT id FROM people WHERE email = $1`, [email])).toEqual([]);
      expect(await t.mails()).toEqual([]);
    });

    it('keeps line breaks and tabs in multi-line text, and refuses its other control characters', async () => {
      const SCHEDULE = `mutation ($input: ScheduleMeetingInput!) { scheduleMeeting(input: $input) { description } }`;
      const input = (title: string, description: string) => ({
        title,
        description,
        format: 'ONLINE',
        onlineUrl: 'https://meet.example.org/ecava',
        startsAt: '2027-05-04T08:00:00Z',
        endsAt: '2027-05-04T10:00:00Z',
        timezone: 'Europe/Brussels',
      });
      const kept = ok(await t.gql(SCHEDULE, { input: input('Multi-line', 'Agenda:\r\n\t1. Welcome\n\t2. Data') }, admin.token));
      expect(kept.scheduleMeeting.description).toBe('Agenda:\r\n\t1. Welcome\n\t2. Data');
      for (const description of ['Bell \u0007 rings', 'Form \f feed', 'Escape \u001b[2J here', 'C1 \u0085 next']) {
        expect(refusal(await t.gql(SCHEDULE, { input: input('Controlled', description) }, admin.token))).toMatchObject({
          code: 'BAD_USER_INPUT',
          field: 'description',
        });
      }
      expect(await workshopsTitled('Controlled')).toBe(0);
    });
  });

  describe('lists', () => {
    it('caps every list input (ArrayMaxSize), and names no list argument outside a class', () => {
      const lists = inputFields().filter((field) => field.isArray);
      expect(lists.map((field) => field.where)).toEqual(expect.arrayContaining(['ProposalFilter.states', 'SetAgendaArgs.items']));
      expect(lists.filter((field) => !field.rules.includes('arrayMaxSize')).map((field) => field.where)).toEqual([]);
      expect(namedArguments().filter((arg) => arg.isArray).map((arg) => arg.where)).toEqual([]);
    });

    it('refuses an oversize list with BAD_USER_INPUT naming the field, before reading anything', async () => {
      const PROPOSALS = `query ($filter: ProposalFilter) { proposals(filter: $filter) { totalCount } }`;
      const states = Array.from({ length: 10_000 }, () => 'SUBMITTED');
      const { result, statements } = await t.counter.measure(() => t.gql(PROPOSALS, { filter: { states } }, member.token));
      expect(refusal(result)).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.states' });
      expect(statements.filter((sql) => sql.includes('cooperation_proposals'))).toEqual([]);
      expect(ok(await t.gql(PROPOSALS, { filter: { states: ['SUBMITTED', 'APPROVED'], kinds: [] } }, member.token)).proposals.totalCount).toBe(0);
    });
  });
});
