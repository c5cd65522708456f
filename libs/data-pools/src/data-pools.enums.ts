import { registerEnumType } from '@nestjs/graphql';

export enum DataPoolState {
  DRAFT = 'DRAFT',
  OPEN_FOR_SIGNATURE = 'OPEN_FOR_SIGNATURE',
  ACTIVE = 'ACTIVE',
  SUSPENDED = 'SUSPENDED',
  CLOSED = 'CLOSED',
  EXPIRED = 'EXPIRED',
}

export enum DataPoolRole {
  STEWARD = 'STEWARD',
  CONTRIBUTOR = 'CONTRIBUTOR',
  HOST = 'HOST',
  USER = 'USER',
}

/** The roles whose signature of the current terms an ACTIVE pool needs (USER signs to request access, not to activate). */
export const BINDING_ROLES: readonly DataPoolRole[] = [DataPoolRole.STEWARD, DataPoolRole.CONTRIBUTOR, DataPoolRole.HOST];

export enum SignatureState {
  PENDING = 'PENDING',
  SIGNED = 'SIGNED',
  WITHDRAWN = 'WITHDRAWN',
}

export enum UsagePurpose {
  RESEARCH = 'RESEARCH',
  MODEL_TRAINING = 'MODEL_TRAINING',
  MODEL_EVALUATION = 'MODEL_EVALUATION',
  SAFETY_VALIDATION = 'SAFETY_VALIDATION',
  SYNTHETIC_DATA_GENERATION = 'SYNTHETIC_DATA_GENERATION',
  STANDARDISATION = 'STANDARDISATION',
  COMMERCIAL_PRODUCT = 'COMMERCIAL_PRODUCT',
}

export enum DataModality {
  CAMERA = 'CAMERA',
  LIDAR = 'LIDAR',
  RADAR = 'RADAR',
  ULTRASONIC = 'ULTRASONIC',
  GNSS_IMU = 'GNSS_IMU',
  CAN_BUS = 'CAN_BUS',
  HD_MAP = 'HD_MAP',
  SIMULATION = 'SIMULATION',
  SCENARIOS = 'SCENARIOS',
  TEXT = 'TEXT',
  TABULAR = 'TABULAR',
  OTHER = 'OTHER',
}

export enum AccessRequestState {
  REQUESTED = 'REQUESTED',
  APPROVED = 'APPROVED',
  REJECTED = 'REJECTED',
  REVOKED = 'REVOKED',
  EXPIRED = 'EXPIRED',
}

export enum DataPoolExportFormat {
  DCAT_AP_JSONLD = 'DCAT_AP_JSONLD',
  ODRL_JSONLD = 'ODRL_JSONLD',
  AGREEMENT_PDF = 'AGREEMENT_PDF',
}

registerEnumType(DataPoolState, {
  name: 'DataPoolState',
  description:
    'DRAFT -> OPEN_FOR_SIGNATURE -> ACTIVE (every steward, contributor and host signed the current terms) <-> SUSPENDED; ' +
    'any state but CLOSED -> CLOSED (final). EXPIRED is set by the platform at validUntil. A terms change moves ACTIVE back to OPEN_FOR_SIGNATURE.',
});
registerEnumType(DataPoolRole, {
  name: 'DataPoolRole',
  description: 'STEWARD runs the pool; CONTRIBUTOR brings datasets; HOST stores them (e.g. an AI factory); USER may ask for access.',
});
registerEnumType(SignatureState, { name: 'SignatureState', description: 'Every terms change sets SIGNED back to PENDING.' });
registerEnumType(UsagePurpose, { name: 'UsagePurpose', description: 'What the data may be used for. COMMERCIAL_PRODUCT needs commercialUse.' });
registerEnumType(DataModality, { name: 'DataModality' });
registerEnumType(AccessRequestState, {
  name: 'AccessRequestState',
  description: 'REQUESTED -> APPROVED | REJECTED; APPROVED -> REVOKED; the platform sets APPROVED -> EXPIRED at expiresAt (or when the pool expires).',
});
registerEnumType(DataPoolExportFormat, {
  name: 'DataPoolExportFormat',
  valuesMap: {
    DCAT_AP_JSONLD: { description: "DCAT-AP 3 catalogue of the pool's datasets, JSON-LD" },
    ODRL_JSONLD: { description: 'ODRL 2.2 policy of the current terms, JSON-LD' },
    AGREEMENT_PDF: { description: 'The agreement as signed: terms, datasets, signatories with version and time' },
  },
});
