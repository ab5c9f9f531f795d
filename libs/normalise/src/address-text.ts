import { HAN_READINGS } from './address-dictionary';

/**
 * Address text → folded tokens. Folding makes the spellings of one word one string: case, diacritics
 * (NFKD with the marks stripped), letters NFKD leaves alone (ß → ss, æ → ae, ø → o, ł → l, đ → d,
 * œ → oe, þ → th), full-width forms, and the Han address words (路 → lu). The German/Dutch digraphs
 * ae, oe, ue → a, o, u are folded per token afterwards, so ü, ue and u meet (München, Muenchen and
 * Munchen all give "munchen"), in every text and in the dictionary alike.
 */

/** What stood between a token and the one before it: nothing ("5a"), a space or other mark, a hyphen, a slash. */
export const SEP_NONE = 0;
export const SEP_SPACE = 1;
export const SEP_HYPHEN = 2;
export const SEP_SLASH = 3;

export interface Token {
  /** Folded text: lower-case letters (or other scripts), or digits, or '#'. */
  t: string;
  readonly num: boolean;
  /** Which comma/line part of the address it came from. */
  readonly seg: number;
  readonly pre: number;
  /** A number written as an ordinal: 1 = "3.", 2 = "3º", "3ª", "3°". */
  ord: number;
  used: boolean;
}

const SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  œ: 'oe',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
  ŧ: 't',
  ŋ: 'n',
  ſ: 's',
  // Ordinal indicators stay marks of their own (3º is third, 5 a is house 5a), whatever NFKD says.
  º: '°',
  ª: '°',
  // Catalan l·l is ll.
  '·': '',
  '’': "'",
  ʼ: "'",
  '‘': "'",
  '`': "'",
  '´': "'",
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
};
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'g');
const NON_ASCII = /[^ -~\t\n\r]/;
const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const HAN_WORDS = new RegExp(
  Object.keys(HAN_READINGS)
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);
const MARKS = /\p{M}+/gu;
const LETTER = /\p{L}/u;
const DIGRAPHS = /([aou])e/g;

/** Folds a text; with `digraphs`, ae/oe/ue → a/o/u too (no digraph spans two words, so the whole text can be folded at once). */
export function fold(raw: string, digraphs: boolean): string {
  let s = raw.toLowerCase();
  if (NON_ASCII.test(s)) {
    if (HAN.test(s)) s = s.replace(HAN_WORDS, (m) => ` ${HAN_READINGS[m]} `);
    s = s.replace(SPECIAL_RE, (c) => SPECIAL[c]!);
    // NFKD can give capitals (№ → No) and ASCII look-alikes; the second lower-casing is for those.
    s = s.normalize('NFKD').replace(MARKS, '').toLowerCase();
  }
  return digraphs ? s.replace(DIGRAPHS, '$1') : s;
}

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isAsciiLetter = (c: number): boolean => c >= 97 && c <= 122;
function isLetter(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return isAsciiLetter(c) || (c > 127 && LETTER.test(s[i]!));
}

/**
 * Appends the tokens of one folded part of an address. Letters and digits are split apart ("3og",
 * "301shi"), remembering what separated them; '.' and '°' right after a number mark an ordinal; an
 * apostrophe before a final s joins (Mary's → marys), any other punctuation separates (l'Église).
 */
export function tokenize(s: string, seg: number, out: Token[]): void {
  const n = s.length;
  let sep = SEP_SPACE;
  let last: Token | null = null;
  // Only dots since the last token ended: "3.º" and "p.º" keep their ordinal mark.
  let onlyDots = false;
  let i = 0;
  while (i < n) {
    const c = s.charCodeAt(i);
    if (isDigit(c)) {
      let j = i + 1;
      while (j < n && isDigit(s.charCodeAt(j))) j++;
      last = { t: s.slice(i, j), num: true, seg, pre: sep, ord: 0, used: false };
      out.push(last);
      sep = SEP_NONE;
      onlyDots = true;
      i = j;
    } else if (isAsciiLetter(c) || (c > 127 && isLetter(s, i))) {
      let j = i + 1;
      let text = '';
      let from = i;
      while (j < n) {
        const d = s.charCodeAt(j);
        if (isAsciiLetter(d) || (d > 127 && isLetter(s, j))) j++;
        else if (d === 39 && s.charCodeAt(j + 1) === 115 && (j + 2 >= n || !isLetter(s, j + 2))) {
          text += s.slice(from, j);
          from = j + 1;
          j += 2;
        } else break;
      }
      text += s.slice(from, j);
      last = { t: text, num: false, seg, pre: sep, ord: 0, used: false };
      out.push(last);
      sep = SEP_NONE;
      onlyDots = true;
      i = j;
    } else {
      if (c === 35) {
        last = { t: '#', num: false, seg, pre: sep, ord: 0, used: false };
        out.push(last);
        sep = SEP_NONE;
        onlyDots = false;
      } else if (c === 176) {
        // '°' after a number is an ordinal; after a word it belongs to the word (n°, p.º).
        if (last !== null && onlyDots) {
          if (last.num) last.ord = 2;
          else last.t += '°';
        }
      } else if (c === 46) {
        if (last !== null && last.num && sep === SEP_NONE && !isDigit(s.charCodeAt(i + 1))) last.ord = Math.max(last.ord, 1);
        if (sep < SEP_SPACE) sep = SEP_SPACE;
      } else if (c === 45) {
        if (sep < SEP_HYPHEN) sep = SEP_HYPHEN;
        onlyDots = false;
      } else if (c === 47) {
        sep = SEP_SLASH;
        onlyDots = false;
      } else {
        if (sep < SEP_SPACE) sep = SEP_SPACE;
        onlyDots = false;
      }
      i++;
    }
  }
}

/** The folded words of a short text (a dictionary form, a city name). */
export function words(raw: string, digraphs: boolean): string[] {
  const out: Token[] = [];
  tokenize(fold(raw, digraphs), 0, out);
  return out.map((t) => t.t);
}
