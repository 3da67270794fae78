/**
 * How stored values read in the interface: organisation kinds and DPG types are stored as codes
 * (`un-agency`, `aimodel`) and were shown as such in some places and as other words in others.
 * Unknown values (a kind an importer adds later) read with their hyphens as spaces.
 */

const ORGANISATION_KIND_NAMES: Readonly<Record<string, string>> = {
  'un-agency': 'UN agency',
  government: 'Government',
  'multilateral-bank': 'Multilateral bank',
  foundation: 'Foundation',
  company: 'Company',
  ngo: 'NGO',
  academia: 'Academia',
  network: 'Network',
  unknown: 'Unclassified',
};

/** Organisations of each kind, inside a sentence: "Not through companies and NGOs". */
const ORGANISATION_KINDS_IN_TEXT: Readonly<Record<string, string>> = {
  'un-agency': 'UN agencies',
  government: 'governments',
  'multilateral-bank': 'multilateral banks',
  foundation: 'foundations',
  company: 'companies',
  ngo: 'NGOs',
  academia: 'academia',
  network: 'networks',
  unknown: 'unclassified organisations',
};

const DPG_TYPE_NAMES: Readonly<Record<string, string>> = {
  aimodel: 'AI model',
  software: 'Software',
  content: 'Content',
  data: 'Data',
  standard: 'Standard',
};

function asWords(value: string): string {
  const words = value.replaceAll('-', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** `un-agency` → "UN agency"; `unknown` → "Unclassified". */
export function organisationKindName(kind: string): string {
  return ORGANISATION_KIND_NAMES[kind] ?? asWords(kind);
}

/**
 * Organisations of a kind inside a sentence: `company` → "companies", `un-agency` → "UN agencies";
 * a kind this build does not know reads as "<kind> organisations".
 */
export function organisationKindsInText(kind: string): string {
  return ORGANISATION_KINDS_IN_TEXT[kind] ?? `${asWords(kind).toLowerCase()} organisations`;
}

/** `aimodel` → "AI model". */
export function dpgTypeName(type: string): string {
  return DPG_TYPE_NAMES[type] ?? asWords(type);
}

/** An annotation's stance or priority as a word: `supportive` → "Supportive". */
export function annotationValueName(value: string): string {
  return asWords(value);
}

/** Names as a sentence lists them: "a", "a and b", "a, b and c". */
export function listInWords(parts: readonly string[]): string {
  return parts.length <= 1
    ? (parts[0] ?? '')
    : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
