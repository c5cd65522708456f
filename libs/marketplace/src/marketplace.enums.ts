import { registerEnumType } from '@nestjs/graphql';

export enum ResourceKind {
  GPU_COMPUTE = 'GPU_COMPUTE',
  HPC_COMPUTE = 'HPC_COMPUTE',
  STORAGE = 'STORAGE',
  DATASET = 'DATASET',
  DATA_SERVICES = 'DATA_SERVICES',
  SIMULATION = 'SIMULATION',
  SYNTHETIC_DATA_GENERATION = 'SYNTHETIC_DATA_GENERATION',
  MODEL_TRAINING_SUPPORT = 'MODEL_TRAINING_SUPPORT',
  MODEL_BENCHMARKING = 'MODEL_BENCHMARKING',
  EXPERTISE = 'EXPERTISE',
}

export enum ResourceUnit {
  GPU_HOURS = 'GPU_HOURS',
  NODE_HOURS = 'NODE_HOURS',
  CORE_HOURS = 'CORE_HOURS',
  TERABYTES = 'TERABYTES',
  RECORDING_HOURS = 'RECORDING_HOURS',
  PERSON_DAYS = 'PERSON_DAYS',
}

/** Declared from least to most sensitive: `SENSITIVITY_ORDER` (and the SQL that compares levels) relies on it. */
export enum DataSensitivity {
  PUBLIC = 'PUBLIC',
  INTERNAL = 'INTERNAL',
  CONFIDENTIAL = 'CONFIDENTIAL',
  PERSONAL_DATA = 'PERSONAL_DATA',
}

/** Least to most sensitive. */
export const SENSITIVITY_ORDER: readonly DataSensitivity[] = Object.values(DataSensitivity);

/** The levels at least as sensitive as `level`: a provider certified for any of them handles `level`. */
export function sensitivitiesFrom(level: DataSensitivity): DataSensitivity[] {
  return SENSITIVITY_ORDER.slice(SENSITIVITY_ORDER.indexOf(level));
}

export enum Certification {
  TISAX_AL2 = 'TISAX_AL2',
  TISAX_AL3 = 'TISAX_AL3',
  ISO_27001 = 'ISO_27001',
  ISO_27701 = 'ISO_27701',
  BSI_C5 = 'BSI_C5',
  SOC2_TYPE2 = 'SOC2_TYPE2',
}

/**
 * The certifications that satisfy a requirement besides itself: TISAX assessment level 3 includes
 * everything level 2 asks for (DESIGN.md, "Marketplace and search").
 */
export const SATISFIED_ALSO_BY: Readonly<Partial<Record<Certification, readonly Certification[]>>> = {
  [Certification.TISAX_AL2]: [Certification.TISAX_AL3],
};

export enum AccessModel {
  OPEN_CALL = 'OPEN_CALL',
  IN_KIND = 'IN_KIND',
  PAID = 'PAID',
  RESEARCH_ONLY = 'RESEARCH_ONLY',
}

export enum CapabilityStatus {
  ACTIVE = 'ACTIVE',
  PAUSED = 'PAUSED',
  RETIRED = 'RETIRED',
}

export enum NeedStatus {
  OPEN = 'OPEN',
  FULFILLED = 'FULFILLED',
  CLOSED = 'CLOSED',
}

export enum IntroductionState {
  REQUESTED = 'REQUESTED',
  ACCEPTED = 'ACCEPTED',
  DECLINED = 'DECLINED',
  WITHDRAWN = 'WITHDRAWN',
}

registerEnumType(ResourceKind, { name: 'ResourceKind' });
registerEnumType(ResourceUnit, {
  name: 'ResourceUnit',
  description: 'Units in which quantities are compared; a quantity is only compared with one in the same unit.',
});
registerEnumType(DataSensitivity, {
  name: 'DataSensitivity',
  description: 'Ordered from least to most sensitive: a provider certified for a level may handle every level below it.',
});
registerEnumType(Certification, {
  name: 'Certification',
  description: 'A security or privacy certification. TISAX_AL3 satisfies a requirement for TISAX_AL2.',
});
registerEnumType(AccessModel, { name: 'AccessModel', description: 'How a provider grants access.' });
registerEnumType(CapabilityStatus, {
  name: 'CapabilityStatus',
  description: 'ACTIVE and PAUSED move to each other; any status moves to RETIRED, which is final. Only ACTIVE capabilities match needs.',
});
registerEnumType(NeedStatus, {
  name: 'NeedStatus',
  description: 'OPEN moves to FULFILLED or CLOSED, both final. Only OPEN needs have matches.',
});
registerEnumType(IntroductionState, { name: 'IntroductionState' });
