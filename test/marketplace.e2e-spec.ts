import { MarketplaceEvent, MarketplaceEvents } from '@app/marketplace';
import { Actor, insertProposal, makeGroup, makePerson, seat } from './support/factories';
import { ADD_CAPABILITY, ADD_NEED, addCapability, addNeed, capabilityInput, insertIntroduction, needInput, UPDATE_CAPABILITY, UPDATE_NEED } from './support/marketplace';
import { errorCode, ok, refusal, startTestApp, TestApp } from './support/test-app';

/**
 * Capabilities and needs (contract 05): who publishes and edits, the input rules, versions and status
 * moves, who reads what, and the anonymity of needs.
 */
describe('Marketplace (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  /** A provider's two people; `member` sits in `group` as a MEMBER, `outsider` of another organisation has no seat. */
  let provider: Actor;
  let providerColleague: Actor;
  let member: Actor;
  let outsider: Actor;
  let group: string;
  const events: MarketplaceEvent[] = [];

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    provider = await makePerson(t);
    providerColleague = await makePerson(t, { organizationId: provider.organizationId });
    member = await makePerson(t);
    outsider = await makePerson(t);
    group = (await makeGroup(t)).id;
    await seat(t, group, member, 'MEMBER');
    t.app.get(MarketplaceEvents).subscribe(async (event) => {
      events.push(event);
    });
  });
  afterAll(() => t.close());

  const count = async (table: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM ${table}`))[0].n as number;

  describe('publishing and editing capabilities', () => {
    it("lets the organisation's people publish, and announces it", async () => {
      const capability = ok(await t.gql(ADD_CAPABILITY, { input: capabilityInput(provider.organizationId, { location: 'jp', quantity: 100, unit: 'GPU_HOURS', certifications: ['ISO_27001', 'TISAX_AL3', 'ISO_27001'] }) }, provider.token)).addCapability;
      expect(capability).toMatchObject({ status: 'ACTIVE', version: 1, location: 'JP', certifications: ['ISO_27001', 'TISAX_AL3'], organization: { id: provider.organizationId } });
      expect(events).toContainEqual(expect.objectContaining({ type: 'CAPABILITY_CREATED', capabilityId: capability.id, organizationId: provider.organizationId, actorId: provider.id }));
    });

    it('lets admins publish for any organisation', async () => {
      const capability = ok(await t.gql(ADD_CAPABILITY, { input: capabilityInput(provider.organizationId) }, admin.token)).addCapability;
      expect(capability.organization.id).toBe(provider.organizationId);
    });

    it('refuses everybody else (FORBIDDEN) and anonymous clients (UNAUTHENTICATED), writing nothing', async () => {
      const before = await count('capabilities');
      expect(refusal(await t.gql(ADD_CAPABILITY, { input: capabilityInput(provider.organizationId) }, member.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
      expect(errorCode(await t.gql(ADD_CAPABILITY, { input: capabilityInput(provider.organizationId) }))).toBe('UNAUTHENTICATED');
      expect(await count('capabilities')).toBe(before);
    });

    it('edits with the current version, by any person of the organisation or an admin; others are FORBIDDEN', async () => {
      const capability = await addCapability(t, provider);
      const edited = ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 1, input: { title: 'H100 partition', quantity: 5000, unit: 'GPU_HOURS' } }, providerColleague.token)).updateCapability;
      expect(edited).toMatchObject({ title: 'H100 partition', quantity: 5000, unit: 'GPU_HOURS', version: 2 });
      expect(events).toContainEqual(expect.objectContaining({ type: 'CAPABILITY_UPDATED', capabilityId: capability.id, changed: ['title', 'quantity', 'unit'], version: 2 }));
      expect(ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 2, input: { description: 'By admin' } }, admin.token)).updateCapability.version).toBe(3);
      expect(refusal(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 3, input: { title: 'Mine now' } }, member.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
    });

    it('refuses a stale version with CONFLICT, changing nothing', async () => {
      const capability = await addCapability(t, provider);
      ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 1, input: { title: 'First' } }, provider.token));
      expect(refusal(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 1, input: { title: 'Second' } }, providerColleague.token))).toEqual({
        code: 'CONFLICT',
        reason: 'STALE_VERSION',
        field: 'expectedVersion',
      });
      const [row] = await t.dataSource.query(`SELECT title, version FROM capabilities WHERE id = $1`, [capability.id]);
      expect(row).toEqual({ title: 'First', version: 2 });
    });

    it('changes nothing for values it already has: same version, no event', async () => {
      const capability = await addCapability(t, provider, { certifications: ['ISO_27001', 'BSI_C5'], location: 'DE' });
      const seen = events.length;
      const same = ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 1, input: { title: capability.title, certifications: ['BSI_C5', 'ISO_27001', 'BSI_C5'], location: 'de' } }, provider.token)).updateCapability;
      expect(same.version).toBe(1);
      expect(events.length).toBe(seen);
    });

    it('moves ACTIVE <-> PAUSED and anything to RETIRED, which is final', async () => {
      const capability = await addCapability(t, provider);
      const move = (v: number, input: Record<string, unknown>) => t.gql(UPDATE_CAPABILITY, { id: capability.id, v, input }, provider.token);
      expect(ok(await move(1, { status: 'PAUSED' })).updateCapability.status).toBe('PAUSED');
      expect(ok(await move(2, { status: 'ACTIVE' })).updateCapability.status).toBe('ACTIVE');
      expect(ok(await move(3, { status: 'RETIRED' })).updateCapability.status).toBe('RETIRED');
      expect(refusal(await move(4, { status: 'ACTIVE' }))).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', field: 'status' });
      expect(refusal(await move(4, { title: 'Revived' }))).toEqual({ code: 'CONFLICT', reason: 'NOT_EDITABLE' });
      expect(refusal(await move(4, { status: 'PAUSED' }))).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', field: 'status' });
    });

    it('answers NOT_FOUND for a capability the viewer may not read, and for a malformed id', async () => {
      const hidden = await addCapability(t, provider, { confidentiality: 'WORKING_GROUP', workingGroupId: group });
      expect(refusal(await t.gql(UPDATE_CAPABILITY, { id: hidden.id, v: 1, input: { title: 'x' } }, outsider.token))).toEqual({ code: 'NOT_FOUND', reason: 'CAPABILITY_NOT_FOUND' });
      expect(refusal(await t.gql(UPDATE_CAPABILITY, { id: 'nope', v: 1, input: { title: 'x' } }, provider.token)).code).toBe('NOT_FOUND');
    });
  });

  describe('input rules', () => {
    const CASES: [string, Record<string, unknown>, { reason?: string; field: string }][] = [
      ['a quantity without a unit', { quantity: 10 }, { reason: 'UNIT_REQUIRED', field: 'unit' }],
      ['a unit without a quantity', { unit: 'GPU_HOURS' }, { reason: 'QUANTITY_REQUIRED', field: 'quantity' }],
      ['a quantity of 0', { quantity: 0, unit: 'GPU_HOURS' }, { field: 'quantity' }],
      ['a negative quantity', { quantity: -5, unit: 'GPU_HOURS' }, { field: 'quantity' }],
      ['an unknown country code', { location: 'XX' }, { field: 'location' }],
      ['a three-letter country code', { location: 'DEU' }, { field: 'location' }],
      ['PARTIES confidentiality', { confidentiality: 'PARTIES' }, { reason: 'CONFIDENTIALITY_NOT_ALLOWED', field: 'confidentiality' }],
      ['WORKING_GROUP without a group', { confidentiality: 'WORKING_GROUP' }, { reason: 'WORKING_GROUP_REQUIRED', field: 'workingGroupId' }],
      ['WORKING_GROUP with an unknown group', { confidentiality: 'WORKING_GROUP', workingGroupId: '00000000-0000-4000-8000-000000000000' }, { reason: 'WORKING_GROUP_NOT_FOUND', field: 'workingGroupId' }],
      ['a group without WORKING_GROUP', { confidentiality: 'PUBLIC', workingGroupId: 'group' }, { reason: 'WORKING_GROUP_NOT_ALLOWED', field: 'workingGroupId' }],
      ['an empty title', { title: '   ' }, { field: 'title' }],
    ];
    const withGroup = (input: Record<string, unknown>) => (input.workingGroupId === 'group' ? { ...input, workingGroupId: group } : input);

    it.each(CASES)('refuses a capability with %s as BAD_USER_INPUT naming the field, writing nothing', async (_name, overrides, expected) => {
      const before = await count('capabilities');
      const answer = refusal(await t.gql(ADD_CAPABILITY, { input: withGroup(capabilityInput(provider.organizationId, overrides)) }, provider.token));
      expect(answer).toMatchObject({ code: 'BAD_USER_INPUT', ...expected });
      expect(await count('capabilities')).toBe(before);
    });

    it.each(CASES)('refuses a need with %s the same way', async (_name, overrides, expected) => {
      const { location, ...rest } = overrides;
      const input = location === undefined ? rest : { ...rest, allowedLocations: ['FR', location] };
      const before = await count('resource_needs');
      const answer = refusal(await t.gql(ADD_NEED, { input: withGroup(needInput(provider.organizationId, input)) }, provider.token));
      expect(answer).toMatchObject({ code: 'BAD_USER_INPUT', ...expected, ...(location === undefined ? {} : { field: 'allowedLocations' }) });
      expect(await count('resource_needs')).toBe(before);
    });

    it('refuses windows that end before they start, naming the end', async () => {
      const capability = capabilityInput(provider.organizationId, { availableFrom: '2026-05-01T00:00:00Z', availableUntil: '2026-04-01T00:00:00Z' });
      expect(refusal(await t.gql(ADD_CAPABILITY, { input: capability }, provider.token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WINDOW_REVERSED', field: 'availableUntil' });
      const need = needInput(provider.organizationId, { neededFrom: '2026-05-01T00:00:00Z', neededUntil: '2026-04-01T00:00:00Z' });
      expect(refusal(await t.gql(ADD_NEED, { input: need }, provider.token))).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WINDOW_REVERSED', field: 'neededUntil' });
    });

    it('accepts every country, not only European ones, in any case', async () => {
      const need = ok(await t.gql(ADD_NEED, { input: needInput(provider.organizationId, { allowedLocations: ['us', 'JP', 'br', 'US'] }) }, provider.token)).addResourceNeed;
      expect(need.allowedLocations).toEqual(['BR', 'JP', 'US']);
    });

    it('refuses an admin publishing for an unknown organisation', async () => {
      const answer = refusal(await t.gql(ADD_CAPABILITY, { input: capabilityInput('00000000-0000-4000-8000-000000000000') }, admin.token));
      expect(answer).toEqual({ code: 'BAD_USER_INPUT', reason: 'ORGANIZATION_NOT_FOUND', field: 'organizationId' });
    });

    it('checks an update against the merged result: a window reversed by one end, a unit removed from a quantity, null on a required field', async () => {
      const capability = await addCapability(t, provider, { availableFrom: '2026-05-01T00:00:00Z', quantity: 3, unit: 'TERABYTES', kind: 'STORAGE' });
      const update = (input: Record<string, unknown>) => t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 1, input }, provider.token);
      expect(refusal(await update({ availableUntil: '2026-04-01T00:00:00Z' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'availableUntil' });
      expect(refusal(await update({ unit: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'unit' });
      expect(refusal(await update({ title: null }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'title' });
      expect(refusal(await update({ confidentiality: 'WORKING_GROUP' }))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'workingGroupId' });
      const [row] = await t.dataSource.query(`SELECT version, unit, available_until FROM capabilities WHERE id = $1`, [capability.id]);
      expect(row).toEqual({ version: 1, unit: 'TERABYTES', available_until: null });
      // Clearing both together is fine; so is leaving WORKING_GROUP, which leaves the group too.
      expect(ok(await update({ quantity: null, unit: null })).updateCapability).toMatchObject({ quantity: null, unit: null, version: 2 });
    });

    it('leaves the group when confidentiality leaves WORKING_GROUP', async () => {
      const capability = await addCapability(t, provider, { confidentiality: 'WORKING_GROUP', workingGroupId: group });
      const edited = ok(await t.gql(UPDATE_CAPABILITY, { id: capability.id, v: 1, input: { confidentiality: 'MEMBERS' } }, provider.token)).updateCapability;
      expect(edited).toMatchObject({ confidentiality: 'MEMBERS', workingGroup: null });
    });
  });

  describe('needs', () => {
    let proposal: string;
    let foreignProposal: string;

    beforeAll(async () => {
      await seat(t, group, provider, 'MEMBER');
      proposal = await insertProposal(t, provider, group, { title: 'Compute for a driving model', confidentiality: 'WORKING_GROUP' });
      foreignProposal = await insertProposal(t, member, group, { title: 'Not theirs', confidentiality: 'PUBLIC' });
    });

    it("links a proposal of the need's organisation, and refuses another organisation's", async () => {
      const need = ok(await t.gql(ADD_NEED, { input: needInput(provider.organizationId, { proposalId: proposal }) }, provider.token)).addResourceNeed;
      expect(need.proposal).toEqual({ id: proposal });
      expect(refusal(await t.gql(ADD_NEED, { input: needInput(provider.organizationId, { proposalId: foreignProposal }) }, provider.token))).toEqual({
        code: 'BAD_USER_INPUT',
        reason: 'PROPOSAL_NOT_OWN',
        field: 'proposalId',
      });
      const resourceNeeds = ok(await t.gql(`query ($id: ID!) { proposal(id: $id) { resourceNeeds { id } } }`, { id: proposal }, provider.token)).proposal.resourceNeeds;
      expect(resourceNeeds).toEqual([{ id: need.id }]);
    });

    it('refuses people of other organisations, and announces what it publishes and changes', async () => {
      expect(refusal(await t.gql(ADD_NEED, { input: needInput(provider.organizationId) }, member.token))).toEqual({ code: 'FORBIDDEN', reason: 'NOT_OWN_ORGANIZATION' });
      const need = await addNeed(t, provider, { anonymous: true });
      expect(events).toContainEqual(expect.objectContaining({ type: 'NEED_CREATED', needId: need.id, anonymous: true, organizationId: provider.organizationId }));
      ok(await t.gql(UPDATE_NEED, { id: need.id, v: 1, input: { status: 'CLOSED' } }, admin.token));
      expect(events).toContainEqual(expect.objectContaining({ type: 'NEED_UPDATED', needId: need.id, fromStatus: 'OPEN', toStatus: 'CLOSED', changed: ['status'] }));
      expect(refusal(await t.gql(UPDATE_NEED, { id: need.id, v: 2, input: { status: 'OPEN' } }, provider.token))).toEqual({ code: 'CONFLICT', reason: 'ILLEGAL_TRANSITION', field: 'status' });
    });

    it('moves OPEN to FULFILLED or CLOSED only, and refuses a stale version', async () => {
      const need = await addNeed(t, provider);
      expect(refusal(await t.gql(UPDATE_NEED, { id: need.id, v: 1, input: { status: 'OPEN', title: 'New' } }, member.token)).code).toBe('FORBIDDEN');
      ok(await t.gql(UPDATE_NEED, { id: need.id, v: 1, input: { title: 'New' } }, provider.token));
      expect(refusal(await t.gql(UPDATE_NEED, { id: need.id, v: 1, input: { title: 'Newer' } }, provider.token)).reason).toBe('STALE_VERSION');
      expect(ok(await t.gql(UPDATE_NEED, { id: need.id, v: 2, input: { status: 'FULFILLED' } }, provider.token)).updateResourceNeed).toMatchObject({ status: 'FULFILLED', version: 3 });
      expect(refusal(await t.gql(UPDATE_NEED, { id: need.id, v: 3, input: { status: 'CLOSED' } }, provider.token)).reason).toBe('ILLEGAL_TRANSITION');
      expect(refusal(await t.gql(UPDATE_NEED, { id: need.id, v: 3, input: { description: 'late' } }, provider.token)).reason).toBe('NOT_EDITABLE');
    });
  });

  describe('who reads what', () => {
    const ids: Record<string, string> = {};
    let otherGroup: string;
    const CAPABILITIES = `query ($org: ID) { capabilities(filter: { organizationId: $org }, first: 100) { totalCount edges { node { id } } } }`;
    const NEEDS = `query ($org: ID) { resourceNeeds(filter: { organizationId: $org }, first: 100) { totalCount edges { node { id } } } }`;

    beforeAll(async () => {
      otherGroup = (await makeGroup(t)).id;
      const owner = await makePerson(t);
      for (const [name, extra] of [
        ['public', { confidentiality: 'PUBLIC' }],
        ['members', { confidentiality: 'MEMBERS' }],
        ['group', { confidentiality: 'WORKING_GROUP', workingGroupId: group }],
        ['otherGroup', { confidentiality: 'WORKING_GROUP', workingGroupId: otherGroup }],
      ] as const) {
        ids[`capability:${name}`] = (await addCapability(t, owner, extra)).id;
        ids[`need:${name}`] = (await addNeed(t, owner, extra)).id;
      }
      ids.owner = owner.organizationId;
      ids.ownerToken = owner.token;
    });

    const visible = async (viewer: { token: string }) => {
      const caps = ok(await t.gql(CAPABILITIES, { org: ids.owner }, viewer.token)).capabilities;
      const needs = ok(await t.gql(NEEDS, { org: ids.owner }, viewer.token)).resourceNeeds;
      expect(caps.totalCount).toBe(caps.edges.length);
      expect(needs.totalCount).toBe(needs.edges.length);
      const names = (prefix: string, edges: any[]) =>
        Object.entries(ids)
          .filter(([key, id]) => key.startsWith(prefix) && edges.some((e) => e.node.id === id))
          .map(([key]) => key.slice(prefix.length))
          .sort();
      return { capabilities: names('capability:', caps.edges), needs: names('need:', needs.edges) };
    };

    it('shows PUBLIC to every signed-in person', async () => {
      expect(await visible(outsider)).toEqual({ capabilities: ['public'], needs: ['public'] });
    });

    it('shows MEMBERS to people with a seat in any group, WORKING_GROUP to that group only', async () => {
      expect(await visible(member)).toEqual({ capabilities: ['group', 'members', 'public'], needs: ['group', 'members', 'public'] });
    });

    it('shows everything to the organisation itself and to admins', async () => {
      const all = ['group', 'members', 'otherGroup', 'public'];
      expect(await visible({ token: ids.ownerToken })).toEqual({ capabilities: all, needs: all });
      expect(await visible(admin)).toEqual({ capabilities: all, needs: all });
    });

    it('answers null for one the viewer may not read, and stops showing a seat that ended', async () => {
      const one = `query ($id: ID!) { capability(id: $id) { id } resourceNeed(id: $id) { id } }`;
      expect(ok(await t.gql(one, { id: ids['capability:members'] }, outsider.token)).capability).toBeNull();
      expect(ok(await t.gql(one, { id: ids['need:group'] }, outsider.token)).resourceNeed).toBeNull();
      expect(ok(await t.gql(one, { id: ids['capability:group'] }, member.token)).capability).toEqual({ id: ids['capability:group'] });
      const leaving = await makePerson(t);
      await seat(t, group, leaving, 'MEMBER');
      expect((await visible(leaving)).capabilities).toContain('group');
      await t.dataSource.query(`UPDATE working_group_participants SET ended_at = now() WHERE person_id = $1`, [leaving.id]);
      expect(await visible(leaving)).toEqual({ capabilities: ['public'], needs: ['public'] });
    });

    it('applies the same rule to Organization.capabilities and Organization.needs', async () => {
      const nested = `query ($id: ID!) { organization(id: $id) { capabilities { totalCount } needs { totalCount } } }`;
      expect(ok(await t.gql(nested, { id: ids.owner }, outsider.token)).organization).toEqual({ capabilities: { totalCount: 1 }, needs: { totalCount: 1 } });
      expect(ok(await t.gql(nested, { id: ids.owner }, member.token)).organization).toEqual({ capabilities: { totalCount: 3 }, needs: { totalCount: 3 } });
    });
  });

  describe('filters and pages', () => {
    let owner: Actor;
    const ids: Record<string, string> = {};
    const FILTERED = `query ($filter: CapabilityFilter) { capabilities(filter: $filter, first: 100) { totalCount edges { node { title } } } }`;
    const titles = async (filter: Record<string, unknown>) => {
      const found = ok(await t.gql(FILTERED, { filter: { organizationId: owner.organizationId, ...filter } }, outsider.token)).capabilities;
      expect(found.totalCount).toBe(found.edges.length);
      return found.edges.map((e: any) => e.node.title);
    };

    beforeAll(async () => {
      owner = await makePerson(t);
      const add = async (title: string, extra: Record<string, unknown>) => (ids[title] = (await addCapability(t, owner, { title, ...extra })).id);
      await add('Hochleistungsrechner in Stuttgart', { kind: 'HPC_COMPUTE', location: 'DE', maxSensitivity: 'INTERNAL', certifications: ['ISO_27001'] });
      await add('GPU nodes for training', { kind: 'GPU_COMPUTE', location: 'FI', maxSensitivity: 'PERSONAL_DATA', certifications: ['TISAX_AL3', 'ISO_27001'] });
      await add('Archive storage', { kind: 'STORAGE', location: 'FR', maxSensitivity: 'CONFIDENTIAL', certifications: ['TISAX_AL2'], description: 'Cold storage for recordings' });
      const paused = await addCapability(t, owner, { title: 'Paused simulation', kind: 'SIMULATION' });
      ok(await t.gql(UPDATE_CAPABILITY, { id: paused.id, v: 1, input: { status: 'PAUSED' } }, owner.token));
    });

    it('lists newest first', async () => {
      expect(await titles({})).toEqual(['Paused simulation', 'Archive storage', 'GPU nodes for training', 'Hochleistungsrechner in Stuttgart']);
    });

    it('filters by kind, location, status and handled sensitivity (at least that level)', async () => {
      expect(await titles({ kind: 'STORAGE' })).toEqual(['Archive storage']);
      expect(await titles({ location: 'fi' })).toEqual(['GPU nodes for training']);
      expect(await titles({ status: 'PAUSED' })).toEqual(['Paused simulation']);
      expect(await titles({ handles: 'CONFIDENTIAL' })).toEqual(['Paused simulation', 'Archive storage', 'GPU nodes for training']);
      expect(await titles({ handles: 'PERSONAL_DATA' })).toEqual(['GPU nodes for training']);
    });

    it('filters by certifications held, all of them, TISAX_AL3 counting as TISAX_AL2', async () => {
      expect(await titles({ certifications: ['TISAX_AL2'] })).toEqual(['Archive storage', 'GPU nodes for training']);
      expect(await titles({ certifications: ['TISAX_AL2', 'ISO_27001'] })).toEqual(['GPU nodes for training']);
      expect(await titles({ certifications: ['TISAX_AL3'] })).toEqual(['GPU nodes for training']);
    });

    it('searches title and description in English and German', async () => {
      expect(await titles({ search: 'recording' })).toEqual(['Archive storage']);
      expect(await titles({ search: 'Hochleistungsrechners' })).toEqual(['Hochleistungsrechner in Stuttgart']);
      expect(await titles({ search: 'trains' })).toEqual(['GPU nodes for training']);
    });

    it('filters needs by kind, status and search, and pages without gaps', async () => {
      const needs: string[] = [];
      for (let i = 0; i < 5; i += 1) needs.push((await addNeed(t, owner, { kind: 'DATASET', title: `Driving recordings ${i}` })).id);
      ok(await t.gql(UPDATE_NEED, { id: needs[0], v: 1, input: { status: 'CLOSED' } }, owner.token));
      const page = `query ($after: String) { resourceNeeds(first: 2, after: $after, filter: { kind: DATASET, status: OPEN, search: "recordings" }) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
      const seen: string[] = [];
      let after: string | null = null;
      do {
        const found: any = ok(await t.gql(page, { after }, outsider.token)).resourceNeeds;
        expect(found.totalCount).toBe(4);
        seen.push(...found.edges.map((e: any) => e.node.id));
        after = found.pageInfo.hasNextPage ? found.pageInfo.endCursor : null;
      } while (after);
      expect(seen).toEqual(needs.slice(1).reverse());
    });
  });

  describe('anonymous needs', () => {
    let owner: Actor;
    let ownerColleague: Actor;
    let accepted: Actor;
    let proposal: string;
    let need: string;
    let openNeed: string;
    const NEED = `query ($id: ID!) { resourceNeed(id: $id) { id anonymous organization { id } proposal { id } } }`;
    const LISTS = `query ($org: ID!) {
      resourceNeeds(filter: { organizationId: $org }) { totalCount edges { node { id } } }
      organization(id: $org) { needs { totalCount edges { node { id } } } }
      all: resourceNeeds(first: 100) { edges { node { id organization { id } } } } }`;

    beforeAll(async () => {
      owner = await makePerson(t);
      ownerColleague = await makePerson(t, { organizationId: owner.organizationId });
      accepted = await makePerson(t);
      await seat(t, group, owner, 'MEMBER');
      proposal = await insertProposal(t, owner, group, { title: 'Secret plans', confidentiality: 'PUBLIC' });
      need = (await addNeed(t, owner, { anonymous: true, proposalId: proposal })).id;
      openNeed = (await addNeed(t, owner)).id;
      const capability = await addCapability(t, accepted);
      await insertIntroduction(t, need, capability.id, owner, 'ACCEPTED');
      // A provider whose introduction is only requested still does not see the owner.
      await insertIntroduction(t, need, (await addCapability(t, provider)).id, owner, 'REQUESTED');
    });

    it('hides organisation and proposal from other readers, not the requirements', async () => {
      expect(ok(await t.gql(NEED, { id: need }, provider.token)).resourceNeed).toEqual({ id: need, anonymous: true, organization: null, proposal: null });
      expect(ok(await t.gql(NEED, { id: need }, outsider.token)).resourceNeed).toEqual({ id: need, anonymous: true, organization: null, proposal: null });
    });

    it("shows them to the owner's people, admins, and the provider whose introduction was accepted", async () => {
      const revealed = { id: need, anonymous: true, organization: { id: owner.organizationId }, proposal: { id: proposal } };
      for (const viewer of [ownerColleague, admin, accepted]) expect(ok(await t.gql(NEED, { id: need }, viewer.token)).resourceNeed).toEqual(revealed);
    });

    it('leaves it out of its organisation’s lists and counts, but lists it anonymously among all needs', async () => {
      const seen = ok(await t.gql(LISTS, { org: owner.organizationId }, outsider.token));
      expect(seen.resourceNeeds).toEqual({ totalCount: 1, edges: [{ node: { id: openNeed } }] });
      expect(seen.organization.needs).toEqual({ totalCount: 1, edges: [{ node: { id: openNeed } }] });
      expect(seen.all.edges).toContainEqual({ node: { id: need, organization: null } });
      const own = ok(await t.gql(LISTS, { org: owner.organizationId }, ownerColleague.token));
      expect(own.resourceNeeds.totalCount).toBe(2);
      expect(own.organization.needs.totalCount).toBe(2);
      const revealed = ok(await t.gql(LISTS, { org: owner.organizationId }, accepted.token));
      expect(revealed.organization.needs.totalCount).toBe(2);
    });

    it('keeps it out of the proposal it serves for everybody who may not see its owner', async () => {
      const query = `query ($id: ID!) { proposal(id: $id) { resourceNeeds { id } } }`;
      expect(ok(await t.gql(query, { id: proposal }, outsider.token)).proposal.resourceNeeds).toEqual([]);
      expect(ok(await t.gql(query, { id: proposal }, ownerColleague.token)).proposal.resourceNeeds).toEqual([{ id: need }]);
    });

    it('reveals the owner to everyone once it is no longer anonymous', async () => {
      const [{ version }] = await t.dataSource.query(`SELECT version FROM resource_needs WHERE id = $1`, [need]);
      ok(await t.gql(UPDATE_NEED, { id: need, v: version, input: { anonymous: false } }, owner.token));
      expect(ok(await t.gql(NEED, { id: need }, outsider.token)).resourceNeed.organization).toEqual({ id: owner.organizationId });
      ok(await t.gql(UPDATE_NEED, { id: need, v: version + 1, input: { anonymous: true } }, owner.token));
      expect(ok(await t.gql(NEED, { id: need }, outsider.token)).resourceNeed.organization).toBeNull();
    });
  });
});
