import { AccessModel, Certification, DataSensitivity, ResourceUnit } from '../marketplace.enums';
import { IntroductionFacts, introductionProposalDraft } from './introduction-proposal-draft';

const facts: IntroductionFacts = {
  need: {
    title: 'Training a driving foundation model',
    description: 'Camera and lidar recordings.',
    quantity: 50000,
    unit: ResourceUnit.GPU_HOURS,
    neededFrom: new Date('2026-03-01T00:00:00Z'),
    neededUntil: new Date('2026-07-01T00:00:00Z'),
    sensitivity: DataSensitivity.CONFIDENTIAL,
    allowedLocations: [],
    requiredCertifications: [Certification.TISAX_AL2],
  },
  capability: {
    title: 'Hawk AI partition',
    description: null,
    quantity: 200000,
    unit: ResourceUnit.GPU_HOURS,
    availableFrom: null,
    availableUntil: new Date('2026-12-31T00:00:00Z'),
    location: 'DE',
    maxSensitivity: DataSensitivity.PERSONAL_DATA,
    certifications: [Certification.ISO_27001, Certification.TISAX_AL3],
    accessModel: AccessModel.OPEN_CALL,
  },
  providerName: 'HLRS',
  message: 'Could we start in March?',
  answerNote: null,
};

describe(introductionProposalDraft.name, () => {
  it('writes the need, the offer and what was asked', () => {
    const draft = introductionProposalDraft(facts);
    expect(draft.title).toBe('Training a driving foundation model: Hawk AI partition');
    expect(draft.summary).toBe('Access to "Hawk AI partition" offered by HLRS, for the need "Training a driving foundation model".');
    expect(draft.body).toContain('- Quantity: 50,000 GPU_HOURS');
    expect(draft.body).toContain('- Window: 2026-03-01 to 2026-07-01');
    expect(draft.body).toContain('- Allowed locations: any EU/EEA country');
    expect(draft.body).toContain('- Availability: now to 2026-12-31');
    expect(draft.body).toContain('- Certifications: ISO_27001, TISAX_AL3');
    expect(draft.body).toContain('Asked: Could we start in March?');
    expect(draft.body).not.toContain('Answered:');
  });

  it('keeps the title within the proposal limit', () => {
    const draft = introductionProposalDraft({ ...facts, need: { ...facts.need, title: 'x'.repeat(200) } });
    expect(draft.title).toHaveLength(200);
    expect(draft.title.endsWith('…')).toBe(true);
  });
});
