import { IDENTIFIER_COLOURS, identifierColour, identifierName, SHOP_STATUS_COLOURS } from '@ringwatch/palette';

export { IDENTIFIER_COLOURS, identifierColour, identifierName, SHOP_STATUS_COLOURS };

/** Confidence 0..1 as a light-to-dark blue ramp (one hue: readable without colour vision). */
export function confidenceColour(confidence: number): string {
  const t = Math.max(0, Math.min(1, confidence));
  const mix = (a: number, b: number) => Math.round(a + (b - a) * t);
  const [r, g, b] = [mix(0xc6, 0x08), mix(0xdb, 0x30), mix(0xef, 0x6b)];
  return `#${[r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

export const DIMMED = '#e4e4e4';
export const HIGHLIGHT = '#000000';
/**
 * The links of an evidence path: near-black and thick over dimmed context. Every Okabe–Ito hue
 * already means a status or a kind, so the path is told by weight, not by a new hue.
 */
export const PATH = '#1f2328';
