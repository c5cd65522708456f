import { createHash } from 'node:crypto';
import { UsagePurpose } from '../data-pools.enums';
import { canonicalJson, normalizeTerms, termsDigest } from './usage-terms';

const terms = normalizeTerms({
  purposes: [UsagePurpose.RESEARCH, UsagePurpose.MODEL_TRAINING, UsagePurpose.RESEARCH],
  commercialUse: false,
  derivedModelsShareable: true,
  onwardTransfer: false,
  allowedLocations: ['fr', 'DE'],
  retentionDays: null,
  attributionRequired: true,
  personalDataAllowed: false,
});

describe(canonicalJson.name, () => {
  it('sorts keys at every depth and writes no white space', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: null, y: 'x' }], c: true } })).toBe('{"a":{"c":true,"d":[2,{"y":"x","z":null}]},"b":1}');
  });
});

describe(termsDigest.name, () => {
  it('is the SHA-256 of the canonical JSON of the stored terms (the example in docs/data-pools.md)', () => {
    const canonical =
      '{"allowedLocations":["DE","FR"],"attributionRequired":true,"commercialUse":false,"derivedModelsShareable":true,' +
      '"onwardTransfer":false,"personalDataAllowed":false,"purposes":["MODEL_TRAINING","RESEARCH"],"retentionDays":null}';
    expect(canonicalJson(terms)).toBe(canonical);
    expect(termsDigest(terms)).toBe(createHash('sha256').update(canonical, 'utf8').digest('hex'));
    expect(termsDigest(terms)).toBe('b428a4a8c764ac6f19a10f7b22a0ba7a47051966205d5566b8d973a9db3deb1c');
  });

  it('changes with any term', () => {
    expect(termsDigest({ ...terms, retentionDays: 30 })).not.toBe(termsDigest(terms));
    expect(termsDigest({ ...terms, onwardTransfer: true })).not.toBe(termsDigest(terms));
  });
});
