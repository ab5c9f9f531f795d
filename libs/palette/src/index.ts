/**
 * The colours every picture of a shop network uses — the explorer's canvas and the dossier's graph —
 * so a printed dossier reads like the screen. Okabe–Ito colours, which stay distinguishable with the
 * common colour-vision deficiencies. Shops are drawn as discs coloured by status, identifiers as
 * squares coloured by kind.
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
