import { randomUUID } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import * as jsonld from 'jsonld';
import { Client } from 'pg';
import { DCAT_AP_CONTEXT, DCAT_AP_CONTEXT_PATH, DCAT_AP_CONTEXT_URL, offlineDocumentLoader, signExport } from '@app/meeting-prep';
import { Actor, insertMeeting, makeGroup, makeOrganization, makePerson, seat } from './support/factories';
import { activePool, ADD_DATASET, CHANGE_STATE, createPool, datasetInput, must, termsInput, UPDATE_TERMS, WITHDRAW } from './support/data-pools';
import { EXPORT_FILE_FIELDS, ExportFile, fetchExport, getSigned } from './support/exports';
import { errorCode, refusal, startTestApp, TestApp } from './support/test-app';

/**
 * exportDataPool (contract 06) end to end: the mutation, a plain GET on the signed URL, and each file read
 * back by an independent reader — the `jsonld` package with the shipped contexts only (no network) for the
 * DCAT-AP catalogue and the ODRL policy, Poppler's pdftotext for the agreement.
 */
const EXPORT = `mutation ($id: ID!, $format: DataPoolExportFormat!) {
  exportDataPool(poolId: $id, format: $format) { ${EXPORT_FILE_FIELDS} } }`;
const BRIEF = `mutation ($id: ID!, $format: ExportFormat!) { exportMeetingBrief(meetingId: $id, format: $format) { id } }`;

const DCAT = 'http://www.w3.org/ns/dcat#';
const DCT = 'http://purl.org/dc/terms/';
const ODRL = 'http://www.w3.org/ns/odrl/2/';
const COUNTRY = 'http://publications.europa.eu/resource/authority/country/';
type Node = Record<string, any>;

describe('Data-pool exports (e2e)', () => {
  let t: TestApp;
  let admin: Actor;
  /** In `group`: `steward` and `member` MEMBERs, `chair` CHAIR; `host` and `contributor` are invited to the pools, not seated; `outsider` is nobody. */
  let steward: Actor;
  let member: Actor;
  let chair: Actor;
  let host: Actor;
  let contributor: Actor;
  let outsider: Actor;
  let group: string;
  /** A PARTIES pool in force: every party signed version 1; two datasets. */
  let pool: any;

  beforeAll(async () => {
    t = await startTestApp();
    admin = await makePerson(t, { admin: true });
    steward = await makePerson(t, { name: 'Katrin Müller', organizationId: (await makeOrganization(t, { name: 'Bayerische Motoren Werke AG' })).id });
    host = await makePerson(t, { name: 'Jiří Dvořák', organizationId: (await makeOrganization(t, { name: 'HammerHAI AI Factory', kind: 'AI_FACTORY' })).id });
    contributor = await makePerson(t, { name: 'Ștefan Țiriac', organizationId: (await makeOrganization(t, { name: 'Škoda Auto a.s.', country: 'CZ' })).id });
    [member, chair, outsider] = await Promise.all([makePerson(t), makePerson(t, { name: 'Γιώργος Παπαδόπουλος' }), makePerson(t)]);
    group = (await makeGroup(t)).id;
    await seat(t, group, steward, 'MEMBER');
    await seat(t, group, member, 'MEMBER');
    await seat(t, group, chair, 'CHAIR');
    pool = await poolInForce('Łódź–Brno highway pool', 'PARTIES');
  });
  afterAll(() => t.close());

  /**
   * A PARTIES or WORKING_GROUP pool in force, all through the API: `host` and `contributor` invited and
   * signed with the steward, the pool activated, then `datasets` datasets alternately the steward's
   * (lidar in Germany, hosted by `host`) and the contributor's (camera in Czechia, personal data).
   */
  async function poolInForce(title: string, confidentiality: string, datasets = 2): Promise<any> {
    const active = await activePool(t, steward, group, [[host, 'HOST'], [contributor, 'CONTRIBUTOR']], {
      title,
      confidentiality,
      validUntil: '2030-01-01T00:00:00.000Z',
      terms: termsInput({ allowedLocations: ['DE', 'CZ'], derivedModelsShareable: false, personalDataAllowed: true }),
    });
    for (let i = 0; i < datasets; i++) {
      const czech = i % 2 === 1;
      const input = czech
        ? datasetInput(active.id, contributor.organizationId, {
            title: `Brno urban camera drives ${i}`,
            sizeBytes: null,
            license: 'LicenseRef-proprietary',
            location: 'CZ',
            personalData: true,
            legalBasis: 'Art. 6(1)(f) GDPR',
          })
        : datasetInput(active.id, steward.organizationId, { title: `Autobahn A9 lidar sweeps ${i}, Großraum München`, modality: 'LIDAR', sizeBytes: 1.5e12, hostedByOrganizationId: host.organizationId });
      await must(t, ADD_DATASET, { input }, czech ? contributor : steward);
    }
    return active;
  }

  /** How the agreement prints a time: `2026-03-02 09:01 UTC`. */
  const utc = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
  const signedAt = (organizationId: string) => utc(pool.signatories.find((s: any) => s.organization.id === organizationId).signedAt);

  const exportsOf = async (poolId: string) => (await t.dataSource.query(`SELECT count(*)::int AS n FROM export_files WHERE data_pool_id = $1`, [poolId]))[0].n as number;

  async function exportFile(poolId: string, format: string, actor: Actor): Promise<ExportFile> {
    const response = await t.gql(EXPORT, { id: poolId, format }, actor.token);
    expect(response.errors).toBeUndefined();
    return response.data.exportDataPool;
  }

  const get = (url: string) => getSigned(t, url);

  async function download(poolId: string, format: string, actor: Actor): Promise<{ file: ExportFile; bytes: Buffer }> {
    const file = await exportFile(poolId, format, actor);
    return { file, bytes: await fetchExport(t, file) };
  }

  /** JSON-LD expansion with the shipped contexts only; `safe` turns any term no context defines into an error. */
  async function expand(bytes: Buffer): Promise<Node> {
    const [node] = (await jsonld.expand(JSON.parse(bytes.toString('utf8')), { documentLoader: offlineDocumentLoader as any, safe: true } as any)) as unknown as Node[];
    return node;
  }

  const pdfText = (bytes: Buffer) => execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8');
  const ids = (values: Node[] | undefined) => (values ?? []).map((v) => v['@id']);

  describe('DCAT_AP_JSONLD', () => {
    it('downloads the catalogue, which expands to a dcat:Catalog with one dcat:Dataset per dataset', async () => {
      const { file, bytes } = await download(pool.id, 'DCAT_AP_JSONLD', steward);
      expect(file).toMatchObject({ format: 'JSONLD', contentType: 'application/ld+json; charset=utf-8' });
      expect(file.filename).toMatch(/^\d{4}-\d\d-\d\d-lodz-brno-highway-pool-v1-dcat-ap\.jsonld$/);
      expect(JSON.parse(bytes.toString('utf8'))['@context']).toBe(DCAT_AP_CONTEXT_URL);
      const catalog = await expand(bytes);
      expect(catalog['@type']).toEqual([`${DCAT}Catalog`]);
      expect(catalog[`${DCT}title`]).toEqual([{ '@value': 'Łódź–Brno highway pool' }]);
      const datasets: Node[] = catalog[`${DCAT}dataset`];
      expect(datasets).toHaveLength(2);
      const [lidar, camera] = datasets;
      for (const dataset of datasets) {
        expect(dataset['@type']).toEqual([`${DCAT}Dataset`]);
        for (const property of [`${DCT}title`, `${DCT}publisher`, `${DCT}license`, `${DCT}spatial`]) expect(dataset[property]).toHaveLength(1);
      }
      expect(lidar[`${DCT}title`][0]['@value']).toBe('Autobahn A9 lidar sweeps 0, Großraum München');
      expect(lidar[`${DCT}publisher`][0]['http://xmlns.com/foaf/0.1/name'][0]['@value']).toBe('Bayerische Motoren Werke AG');
      expect(ids(lidar[`${DCT}license`])).toEqual(['http://spdx.org/licenses/CC-BY-4.0']);
      expect(ids(lidar[`${DCT}spatial`])).toEqual([`${COUNTRY}DEU`]);
      expect(ids(camera[`${DCT}spatial`])).toEqual([`${COUNTRY}CZE`]);
      expect(lidar[`${DCAT}distribution`][0][`${DCAT}byteSize`][0]['@value']).toBe(1.5e12);
      expect(ids(lidar[`${DCAT}distribution`][0][`${DCAT}accessURL`])).toEqual(['https://wg.ecava.test/graphql']);
    });

    it('serves the context the catalogue names, the same one the loader ships', async () => {
      const response = await fetch(`${t.url}${DCAT_AP_CONTEXT_PATH}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('application/ld+json; charset=utf-8');
      expect(await response.json()).toEqual(JSON.parse(JSON.stringify(DCAT_AP_CONTEXT)));
    });
  });

  describe('ODRL_JSONLD', () => {
    it('downloads the terms as an odrl:Agreement once every party signed, with purposes, places, duties and prohibitions', async () => {
      const { file, bytes } = await download(pool.id, 'ODRL_JSONLD', steward);
      expect(file.format).toBe('JSONLD');
      const policy = await expand(bytes);
      expect(policy['@type']).toEqual([`${ODRL}Agreement`]);
      expect(ids(policy[`${ODRL}assigner`])).toEqual([`urn:uuid:${steward.organizationId}`]);
      expect(ids(policy[`${ODRL}assignee`]).sort()).toEqual([`urn:uuid:${host.organizationId}`, `urn:uuid:${contributor.organizationId}`].sort());
      const [permission] = policy[`${ODRL}permission`];
      expect(ids(permission[`${ODRL}action`])).toEqual([`${ODRL}use`]);
      const constraints = Object.fromEntries(
        permission[`${ODRL}constraint`].map((c: Node) => [c[`${ODRL}leftOperand`][0]['@id'], c[`${ODRL}rightOperand`].map((v: Node) => v['@id'] ?? v['@value'])]),
      );
      expect(constraints[`${ODRL}purpose`]).toEqual(['https://wg.ecava.eu/ns/data-pools#purpose-MODEL_TRAINING', 'https://wg.ecava.eu/ns/data-pools#purpose-RESEARCH']);
      expect(constraints[`${ODRL}spatial`]).toEqual([`${COUNTRY}CZE`, `${COUNTRY}DEU`]);
      expect(constraints[`${ODRL}dateTime`]).toEqual(['2030-01-01T00:00:00.000Z']);
      expect(permission[`${ODRL}duty`].map((d: Node) => d[`${ODRL}action`][0]['@id'])).toEqual([`${ODRL}attribute`, `${ODRL}delete`]);
      expect(permission[`${ODRL}duty`][1][`${ODRL}constraint`][0][`${ODRL}rightOperand`][0]['@value']).toBe('P365D');
      expect(policy[`${ODRL}prohibition`].map((p: Node) => p[`${ODRL}action`][0]['@id'])).toEqual([
        `${ODRL}commercialize`,
        `${ODRL}distribute`,
        'https://wg.ecava.eu/ns/data-pools#shareDerivedModels',
      ]);
      expect(policy['https://wg.ecava.eu/ns/data-pools#termsDigest'][0]['@value']).toBe(pool.termsDigest);
    });

    it('is an odrl:Offer while a pool is not in force, naming every EU/EEA state when the terms name no place', async () => {
      const draft = await createPool(t, steward, group, { title: 'Draft pool' });
      const policy = await expand((await download(draft.id, 'ODRL_JSONLD', steward)).bytes);
      expect(policy['@type']).toEqual([`${ODRL}Offer`]);
      expect(policy[`${ODRL}assignee`]).toBeUndefined();
      const spatial = policy[`${ODRL}permission`][0][`${ODRL}constraint`].find((c: Node) => c[`${ODRL}leftOperand`][0]['@id'] === `${ODRL}spatial`);
      expect(spatial[`${ODRL}rightOperand`]).toHaveLength(30);
      expect(ids(spatial[`${ODRL}rightOperand`])).toEqual(expect.arrayContaining([`${COUNTRY}NOR`, `${COUNTRY}ISL`, `${COUNTRY}LIE`, `${COUNTRY}GRC`]));
    });
  });

  describe('AGREEMENT_PDF', () => {
    it('downloads the agreement, whose text shows the terms, the datasets and every signature with version, digest, person and time', async () => {
      const { file, bytes } = await download(pool.id, 'AGREEMENT_PDF', chair);
      expect(file).toMatchObject({ format: 'PDF', contentType: 'application/pdf' });
      expect(file.filename).toMatch(/-lodz-brno-highway-pool-v1-agreement\.pdf$/);
      const text = pdfText(bytes);
      for (const expected of [
        'Łódź–Brno highway pool',
        'Data-pool agreement, in force',
        `SHA-256 of the terms' canonical JSON: ${pool.termsDigest}`,
        'Autobahn A9 lidar sweeps 0, Großraum München',
        'Brno urban camera drives 1',
        'Bayerische Motoren Werke AG — Steward',
        'HammerHAI AI Factory — Host',
        'Škoda Auto a.s. — Contributor',
        `Signed version 1 by Katrin Müller on ${signedAt(steward.organizationId)}`,
        `Signed version 1 by Jiří Dvořák on ${signedAt(host.organizationId)}`,
        `Signed version 1 by Ștefan Țiriac on ${signedAt(contributor.organizationId)}`,
        'for Γιώργος Παπαδόπουλος',
      ]) {
        expect(text).toContain(expected);
      }
      expect(text.split(`SHA-256 ${pool.termsDigest}`)).toHaveLength(4);
    });
  });

  describe('after a change of the terms', () => {
    it('exports the new version: an odrl:Offer with its digest, and an agreement not in force that nobody signed yet', async () => {
      const changed = await poolInForce('Pool whose terms change', 'PARTIES', 1);
      const updated = await must(
        t,
        UPDATE_TERMS,
        { id: changed.id, v: changed.version, terms: termsInput({ allowedLocations: ['DE'], commercialUse: true, purposes: ['RESEARCH', 'MODEL_TRAINING', 'COMMERCIAL_PRODUCT'] }) },
        steward,
      );
      expect(updated).toMatchObject({ termsVersion: 2, state: 'OPEN_FOR_SIGNATURE' });
      const policy = await expand((await download(changed.id, 'ODRL_JSONLD', steward)).bytes);
      expect(policy['@type']).toEqual([`${ODRL}Offer`]);
      expect(policy['@id']).toBe(`urn:uuid:${changed.id}#terms-v2`);
      expect(policy['https://wg.ecava.eu/ns/data-pools#termsDigest'][0]['@value']).toBe(updated.termsDigest);
      expect(policy[`${ODRL}prohibition`].map((p: Node) => p[`${ODRL}action`][0]['@id'])).not.toContain(`${ODRL}commercialize`);
      const text = pdfText((await download(changed.id, 'AGREEMENT_PDF', steward)).bytes);
      expect(text).toContain('Data-pool agreement, not in force (Open for signature)');
      expect(text).toContain(`SHA-256 of the terms' canonical JSON: ${updated.termsDigest}`);
      expect(text).not.toContain('Signed version');
    });

    it("keeps the agreement in force when a contributor withdraws: its datasets leave the catalogue, it still reads what it signed", async () => {
      const left = await poolInForce('Pool a contributor leaves', 'PARTIES', 2);
      await must(t, WITHDRAW, { pool: left.id, org: contributor.organizationId, note: 'Budget cut' }, contributor);
      const policy = await expand((await download(left.id, 'ODRL_JSONLD', contributor)).bytes);
      expect(policy['@type']).toEqual([`${ODRL}Agreement`]);
      expect(ids(policy[`${ODRL}assignee`])).toEqual([`urn:uuid:${host.organizationId}`]);
      const catalog = await expand((await download(left.id, 'DCAT_AP_JSONLD', contributor)).bytes);
      expect(catalog[`${DCAT}dataset`].map((d: Node) => d[`${DCT}title`][0]['@value'])).toEqual(['Autobahn A9 lidar sweeps 0, Großraum München']);
      expect(pdfText((await download(left.id, 'AGREEMENT_PDF', contributor)).bytes)).toMatch(/Škoda Auto a\.s\. — Contributor\s+Withdrew/);
    });

    it('exports a CLOSED pool as an offer no longer in force', async () => {
      const closed = await poolInForce('Pool that closes', 'PARTIES', 0);
      await must(t, CHANGE_STATE, { id: closed.id, state: 'CLOSED', note: 'Project ended' }, steward);
      expect((await expand((await download(closed.id, 'ODRL_JSONLD', chair)).bytes))['@type']).toEqual([`${ODRL}Offer`]);
    });
  });

  describe('confidentiality', () => {
    it("exports a PARTIES pool for its invited organisations' people, the group's chairs and admins", async () => {
      for (const actor of [steward, host, contributor, chair, admin]) {
        expect((await exportFile(pool.id, 'ODRL_JSONLD', actor)).format).toBe('JSONLD');
      }
    });

    it('answers NOT_FOUND to everyone else, group members included, and stores nothing', async () => {
      const before = await exportsOf(pool.id);
      for (const actor of [member, outsider]) {
        for (const format of ['DCAT_AP_JSONLD', 'ODRL_JSONLD', 'AGREEMENT_PDF']) {
          expect(refusal(await t.gql(EXPORT, { id: pool.id, format }, actor.token))).toEqual({ code: 'NOT_FOUND', reason: 'DATA_POOL_NOT_FOUND' });
        }
      }
      expect(await exportsOf(pool.id)).toBe(before);
    });

    it("exports a WORKING_GROUP pool for the group's members but not for outsiders", async () => {
      const open = await poolInForce('Working-group pool', 'WORKING_GROUP', 1);
      expect((await exportFile(open.id, 'DCAT_AP_JSONLD', member)).format).toBe('JSONLD');
      expect(errorCode(await t.gql(EXPORT, { id: open.id, format: 'DCAT_AP_JSONLD' }, outsider.token))).toBe('NOT_FOUND');
    });

    it('answers NOT_FOUND for a pool that does not exist or a malformed id, UNAUTHENTICATED without a token', async () => {
      expect(errorCode(await t.gql(EXPORT, { id: randomUUID(), format: 'ODRL_JSONLD' }, admin.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(EXPORT, { id: 'not-a-uuid', format: 'ODRL_JSONLD' }, admin.token))).toBe('NOT_FOUND');
      expect(errorCode(await t.gql(EXPORT, { id: pool.id, format: 'ODRL_JSONLD' }))).toBe('UNAUTHENTICATED');
      expect(errorCode(await t.gql(EXPORT, { id: pool.id, format: 'JSONLD' }, admin.token))).toBe('BAD_USER_INPUT');
    });
  });

  describe('download URL', () => {
    it('answers 403 to a tampered link and 410 once the file has expired', async () => {
      const file = await exportFile(pool.id, 'AGREEMENT_PDF', steward);
      const tampered = new URL(file.url);
      tampered.searchParams.set('expires', String(Number(tampered.searchParams.get('expires')) + 3600));
      expect((await get(tampered.toString())).status).toBe(403);
      const old = Math.floor(Date.now() / 1000) - 60;
      expect((await fetch(`${t.url}/exports/${file.id}?expires=${old}&signature=${signExport(t.config.signingSecret, file.id, old)}`)).status).toBe(410);
      await t.dataSource.query(`UPDATE export_files SET expires_at = now() - interval '1 minute' WHERE id = $1`, [file.id]);
      const response = await get(file.url);
      expect(response.status).toBe(410);
      expect(await response.text()).not.toContain('Katrin');
    });

    it('expires after EXPORT_TTL, like the meeting briefs', async () => {
      const file = await exportFile(pool.id, 'DCAT_AP_JSONLD', steward);
      const ttl = (new Date(file.expiresAt).getTime() - Date.now()) / 1000;
      expect(ttl).toBeGreaterThan(t.config.exportTtlSeconds - 5);
      expect(ttl).toBeLessThanOrEqual(t.config.exportTtlSeconds);
    });
  });

  it("shares the per-person limit of exports in flight with the meeting briefs (EXPORT_LIMIT)", async () => {
    // Two clients of one database: while this lock is held, admitted exports stay in flight (they end by writing export_files).
    if (!t.config.databaseUrl) return;
    const meeting = await insertMeeting(t, chair, group, { title: 'Signing session', startsAt: '2026-04-02T08:00:00Z', endsAt: '2026-04-02T09:00:00Z' });
    const lock = new Client({ connectionString: t.config.databaseUrl });
    await lock.connect();
    try {
      await lock.query('BEGIN');
      await lock.query('LOCK TABLE export_files IN ACCESS EXCLUSIVE MODE');
      const admitted = [exportFile(pool.id, 'AGREEMENT_PDF', steward), exportFile(pool.id, 'DCAT_AP_JSONLD', steward)];
      const waiting = async () =>
        (await lock.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`)).rows[0].n as number;
      for (const deadline = Date.now() + 20_000; (await waiting()) < 2 && Date.now() < deadline; ) await new Promise((resolve) => setTimeout(resolve, 20));
      expect(refusal(await t.gql(BRIEF, { id: meeting, format: 'MARKDOWN' }, steward.token))).toEqual({ code: 'TOO_MANY_REQUESTS', reason: 'EXPORT_LIMIT' });
      expect(refusal(await t.gql(EXPORT, { id: pool.id, format: 'ODRL_JSONLD' }, steward.token))).toEqual({ code: 'TOO_MANY_REQUESTS', reason: 'EXPORT_LIMIT' });
      await lock.query('COMMIT');
      expect((await Promise.all(admitted)).map((file) => file.format)).toEqual(['PDF', 'JSONLD']);
    } finally {
      await lock.end();
    }
    // Finished exports give their slots back.
    expect((await exportFile(pool.id, 'ODRL_JSONLD', steward)).format).toBe('JSONLD');
  });

  it('refuses JSONLD for a meeting brief (BAD_USER_INPUT, FORMAT_NOT_SUPPORTED) and stores nothing', async () => {
    const meeting = await insertMeeting(t, chair, group, { title: 'Pool kick-off', startsAt: '2026-04-01T08:00:00Z', endsAt: '2026-04-01T09:00:00Z' });
    expect(refusal(await t.gql(BRIEF, { id: meeting, format: 'JSONLD' }, chair.token))).toEqual({ code: 'BAD_USER_INPUT', reason: 'FORMAT_NOT_SUPPORTED', field: 'format' });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM export_files WHERE meeting_id = $1`, [meeting]))[0].n).toBe(0);
  });

  it('reads a pool with a fixed number of SQL statements, however many datasets and signatories it has', async () => {
    const small = await poolInForce('Small pool', 'PARTIES', 1);
    const big = await poolInForce('Big pool', 'PARTIES', 12);
    const statements = async (id: string) => (await t.counter.measure(() => t.gql(EXPORT, { id, format: 'ODRL_JSONLD' }, steward.token))).statements.length;
    await statements(small.id); // warm-up
    expect(await statements(big.id)).toBe(await statements(small.id));
  });
});
