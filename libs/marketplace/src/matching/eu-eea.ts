/** The 27 member states of the European Union (ISO 3166-1 alpha-2; Greece is GR, not the EU's own "EL"). */
export const EU_MEMBER_STATES: readonly string[] = [
  'AT', 'BE', 'BG', 'CY', 'CZ', 'DE', 'DK', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'HU',
  'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PL', 'PT', 'RO', 'SE', 'SI', 'SK',
];

/** The EU and the three other states of the European Economic Area: where a need with no allowed locations may run. */
export const EU_EEA: readonly string[] = [...EU_MEMBER_STATES, 'IS', 'LI', 'NO'];
