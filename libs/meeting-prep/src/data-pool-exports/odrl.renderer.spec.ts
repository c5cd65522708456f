import * as jsonld from 'jsonld';
import { sampleDataPool } from '../testing/sample-data-pool';
import { offlineDocumentLoader } from './contexts';
import { isAgreement, renderOdrl } from './odrl.renderer';

const ODRL = 'http://www.w3.org/ns/odrl/2/';
const ECAVA = 'https://wg.ecava.eu/ns/data-pools#';
const COUNTRY = 'http://publications.europa.eu/resource/authority/country/';
type Node = Record<string, any>;

async function expand(file: Buffer): Promise<Node> {
  const document = JSON.parse(file.toString('utf8'));
  const [policy] = (await jsonld.expand(document, { documentLoader: offlineDocumentLoader as any, safe: true } as any)) as unknown as Node[];
  return policy;
}

const ids = (values: Node[] | undefined) => (values ?? []).map((v) => v['@id']);
/** The constraint of a rule on one left operand, as [operator, right operands]. */
function constraintOn(rule: Node, leftOperand: string): [string, unknown[]] | undefined {
  const found = (rule[`${ODRL}constraint`] ?? []).find((c: Node) => c[`${ODRL}leftOperand`][0]['@id'] === `${ODRL}${leftOperand}`);
  return found ? [found[`${ODRL}operator`][0]['@id'], found[`${ODRL}rightOperand`].map((v: Node) => v['@id'] ?? v['@value'])] : undefined;
}

describe(renderOdrl.name, () => {
  it('expands an in-force pool to an odrl:Agreement from the steward to the signatories of the current version', async () => {
    const document = sampleDataPool();
    const policy = await expand(renderOdrl(document));
    expect(policy['@type']).toEqual([`${ODRL}Agreement`]);
    expect(policy['@id']).toBe(`urn:uuid:${document.pool.id}#terms-v2`);
    expect(ids(policy[`${ODRL}profile`])).toEqual(['https://wg.ecava.eu/ns/data-pools']);
    expect(ids(policy[`${ODRL}assigner`])).toEqual([`urn:uuid:${document.pool.steward.id}`]);
    // Host and contributor signed version 2; the USER organisation has not signed.
    expect(ids(policy[`${ODRL}assignee`]).sort()).toEqual([`urn:uuid:${document.signatories[1].organization.id}`, `urn:uuid:${document.signatories[2].organization.id}`].sort());
    expect(policy[`${ODRL}target`][0]['@type']).toEqual([`${ODRL}AssetCollection`]);
    expect(policy[`${ECAVA}termsDigest`][0]['@value']).toBe(document.pool.termsDigest);
  });

  it('permits use for the allowed purposes and places within the validity window', async () => {
    const [permission] = (await expand(renderOdrl(sampleDataPool())))[`${ODRL}permission`];
    expect(ids(permission[`${ODRL}action`])).toEqual([`${ODRL}use`]);
    expect(constraintOn(permission, 'purpose')).toEqual([`${ODRL}isAnyOf`, [`${ECAVA}purpose-RESEARCH`, `${ECAVA}purpose-MODEL_TRAINING`]]);
    expect(constraintOn(permission, 'spatial')).toEqual([`${ODRL}isAnyOf`, [`${COUNTRY}DEU`, `${COUNTRY}CZE`]]);
    const dateTimes = permission[`${ODRL}constraint`].filter((c: Node) => c[`${ODRL}leftOperand`][0]['@id'] === `${ODRL}dateTime`);
    expect(dateTimes.map((c: Node) => [c[`${ODRL}operator`][0]['@id'], c[`${ODRL}rightOperand`][0]['@value']])).toEqual([
      [`${ODRL}gteq`, '2026-03-01T00:00:00.000Z'],
      [`${ODRL}lt`, '2027-03-01T00:00:00.000Z'],
    ]);
  });

  it('puts duties to attribute and to delete after retentionDays on the permission', async () => {
    const [permission] = (await expand(renderOdrl(sampleDataPool())))[`${ODRL}permission`];
    const duties: Node[] = permission[`${ODRL}duty`];
    expect(duties.map((d) => d[`${ODRL}action`][0]['@id'])).toEqual([`${ODRL}attribute`, `${ODRL}delete`]);
    expect(constraintOn(duties[1], 'elapsedTime')).toEqual([`${ODRL}lteq`, ['P365D']]);
    expect(duties[1][`${ODRL}constraint`][0][`${ODRL}rightOperand`][0]['@type']).toBe('http://www.w3.org/2001/XMLSchema#duration');
  });

  it('prohibits commercial use, onward transfer and sharing derived models when the terms do not allow them', async () => {
    const policy = await expand(renderOdrl(sampleDataPool()));
    expect(policy[`${ODRL}prohibition`].map((p: Node) => p[`${ODRL}action`][0]['@id'])).toEqual([`${ODRL}commercialize`, `${ODRL}distribute`, `${ECAVA}shareDerivedModels`]);
  });

  it('has no prohibitions when the terms allow everything, and no attribution duty when none is required', async () => {
    const document = sampleDataPool();
    Object.assign(document.pool.terms, { commercialUse: true, onwardTransfer: true, derivedModelsShareable: true, attributionRequired: false, retentionDays: null });
    const policy = await expand(renderOdrl(document));
    expect(policy[`${ODRL}prohibition`]).toBeUndefined();
    // Kept until the pool closes: deleted by validUntil.
    const duties: Node[] = policy[`${ODRL}permission`][0][`${ODRL}duty`];
    expect(duties.map((d) => d[`${ODRL}action`][0]['@id'])).toEqual([`${ODRL}delete`]);
    expect(constraintOn(duties[0], 'dateTime')).toEqual([`${ODRL}lteq`, ['2027-03-01T00:00:00.000Z']]);
  });

  it('is an odrl:Offer while the pool is not in force or a required party signed an older version', async () => {
    const open = sampleDataPool({ state: 'OPEN_FOR_SIGNATURE' });
    expect((await expand(renderOdrl(open)))['@type']).toEqual([`${ODRL}Offer`]);
    expect((await expand(renderOdrl(open)))[`${ODRL}assignee`]).toBeUndefined();
    const stale = sampleDataPool({ signedVersion: 1 });
    expect(isAgreement(stale)).toBe(false);
    expect((await expand(renderOdrl(stale)))['@type']).toEqual([`${ODRL}Offer`]);
  });

  it('stays an agreement when a host or contributor withdrew, without them as assignees', async () => {
    const document = sampleDataPool();
    Object.assign(document.signatories[1], { state: 'WITHDRAWN' });
    const policy = await expand(renderOdrl(document));
    expect(policy['@type']).toEqual([`${ODRL}Agreement`]);
    expect(ids(policy[`${ODRL}assignee`])).toEqual([`urn:uuid:${document.signatories[2].organization.id}`]);
  });

  it('names every EU/EEA state when the terms name no location', async () => {
    const document = sampleDataPool();
    document.pool.terms.allowedLocations = [];
    document.pool.processingLocations = ['AT', 'DE', 'IS', 'LI', 'NO'];
    const [permission] = (await expand(renderOdrl(document)))[`${ODRL}permission`];
    expect(constraintOn(permission, 'spatial')).toEqual([`${ODRL}isAnyOf`, ['AUT', 'DEU', 'ISL', 'LIE', 'NOR'].map((c) => `${COUNTRY}${c}`)]);
  });
});
