/**
 * Okabe–Ito colours, which stay distinguishable with the common colour-vision deficiencies. Shops are
 * discs coloured by status; identifiers are squares coloured by kind.
 */
export const SHOP_STATUS_COLOURS: Record<string, string> = {
  active: '#0072B2',
  suspended: '#D55E00',
  closed: '#8C8C8C',
};

export const IDENTIFIER_COLOURS: Record<string, string> = {
  account: '#E69F00',
  device: '#CC79A7',
  phone: '#009E73',
  email: '#56B4E9',
  dispatch: '#F0E442',
  return: '#7A6A00',
  ship_to: '#B8B8B8',
  kyc: '#000000',
};

export const IDENTIFIER_NAMES: Record<string, string> = {
  account: 'payout account',
  device: 'device',
  phone: 'phone',
  email: 'email',
  dispatch: 'dispatch address',
  return: 'return address',
  ship_to: 'ship-to address',
  kyc: 'identity document',
};

/** Confidence 0..1 as a light-to-dark blue ramp (one hue: readable without colour vision). */
export function confidenceColour(confidence: number): string {
  const t = Math.max(0, Math.min(1, confidence));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const [r, g, b] = [mix(0xc6, 0x08), mix(0xdb, 0x30), mix(0xef, 0x6b)];
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export const DIMMED = '#e4e4e4';
export const HIGHLIGHT = '#000000';
