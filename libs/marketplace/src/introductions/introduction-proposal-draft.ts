import { CapabilityEntity } from '../capabilities/capability.entity';
import { ResourceNeedEntity } from '../needs/need.entity';

/** What a proposal started from an introduction is written from. */
export interface IntroductionFacts {
  need: Pick<ResourceNeedEntity, 'title' | 'description' | 'quantity' | 'unit' | 'neededFrom' | 'neededUntil' | 'sensitivity' | 'allowedLocations' | 'requiredCertifications'>;
  capability: Pick<CapabilityEntity, 'title' | 'description' | 'quantity' | 'unit' | 'availableFrom' | 'availableUntil' | 'location' | 'maxSensitivity' | 'certifications' | 'accessModel'>;
  providerName: string;
  message: string | null;
  answerNote: string | null;
}

/** The limits of CreateProposalInput. */
const TITLE_MAX = 200;
const SUMMARY_MAX = 2000;

const NUMBER = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });
const day = (at: Date | null) => (at ? at.toISOString().slice(0, 10) : null);

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function amount(quantity: number | null, unit: string | null): string {
  return quantity === null ? 'not given' : `${NUMBER.format(quantity)} ${unit ?? ''}`.trim();
}

function window(from: Date | null, until: Date | null): string {
  if (!from && !until) return 'open';
  return `${day(from) ?? 'now'} to ${day(until) ?? 'open end'}`;
}

const list = (items: readonly string[], none: string) => (items.length ? items.join(', ') : none);

/**
 * Title, summary and Markdown body of the COMPUTE_ACCESS draft started from an accepted introduction:
 * what is needed, what is offered and by whom, and what the two sides wrote. Within CreateProposalInput's
 * limits; the authors edit it from there.
 */
export function introductionProposalDraft({ need, capability, providerName, message, answerNote }: IntroductionFacts): { title: string; summary: string; body: string } {
  const title = clip(`${need.title}: ${capability.title}`, TITLE_MAX);
  const summary = clip(`Access to "${capability.title}" offered by ${providerName}, for the need "${need.title}".`, SUMMARY_MAX);
  const body = [
    `## The need: ${need.title}`,
    ...(need.description ? ['', need.description] : []),
    '',
    `- Quantity: ${amount(need.quantity, need.unit)}`,
    `- Window: ${window(need.neededFrom, need.neededUntil)}`,
    `- Data sensitivity: ${need.sensitivity}`,
    `- Allowed locations: ${list(need.allowedLocations, 'any EU/EEA country')}`,
    `- Required certifications: ${list(need.requiredCertifications, 'none')}`,
    '',
    `## The offer: ${capability.title} (${providerName})`,
    ...(capability.description ? ['', capability.description] : []),
    '',
    `- Quantity: ${amount(capability.quantity, capability.unit)}`,
    `- Availability: ${window(capability.availableFrom, capability.availableUntil)}`,
    `- Location: ${capability.location}`,
    `- Handles data up to: ${capability.maxSensitivity}`,
    `- Certifications: ${list(capability.certifications, 'none')}`,
    `- Access model: ${capability.accessModel}`,
    ...(message || answerNote ? ['', '## The introduction'] : []),
    ...(message ? ['', `Asked: ${message}`] : []),
    ...(answerNote ? ['', `Answered: ${answerNote}`] : []),
  ].join('\n');
  return { title, summary, body };
}
