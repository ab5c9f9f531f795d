import { createHmac } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { resolveGeneratedSecret, type RingwatchConfig } from '@ringwatch/config';
import { identifier, isIdentifierKind, redactAddress, redactValue, type AddressKind, type IdentifierKind } from '@ringwatch/kinds';
import { hasPermission } from '@ringwatch/permissions';
import { CONFIG } from './tokens';

/** The parts of an address a redacted view keeps (the place, not the street). */
export interface Place {
  readonly city: string | null;
  readonly region: string | null;
  readonly country: string | null;
}

/**
 * What one caller may see of people: the single redaction layer every response and export that carries
 * identifiers goes through (graphs, evidence, neighbourhoods, search, shops, alerts, reports, dossiers).
 * With `identities.read` everything passes unchanged; without it, values follow their kind's rule in
 * @ringwatch/kinds, people's names keep their initials, and the keys of identifier nodes (a normalised
 * email or phone, an address's text) become opaque ids. Those ids are a keyed hash of kind and key, so
 * they are stable: the same identifier has the same id in a cluster graph, a neighbourhood and a
 * dossier, and the explorer can still merge, expand and highlight by id, without anyone being able to
 * reverse or guess them from a list of candidate emails or phones.
 */
export class IdentityView {
  constructor(
    /** Whether the caller sees identities unredacted (the permission `identities.read`). */
    readonly identities: boolean,
    private readonly opaqueKey: Buffer,
  ) {}

  /** An identifier node's key as the caller may see it: the key itself, or an opaque stable id. */
  key(kind: string, key: string): string {
    if (this.identities) return key;
    return `~${createHmac('sha256', this.opaqueKey).update(kind).update('\0').update(key).digest('base64url').slice(0, 22)}`;
  }

  /** The graph id of an identifier node: kind and key, the key opaque for a redacted view. */
  nodeId(kind: string, key: string): string {
    return `${kind}:${this.key(kind, key)}`;
  }

  /**
   * An identifier's label (an email, a phone, a device, a masked account, an address's text) as the
   * caller may see it. Addresses need their place: without one, a redacted view shows only the kind.
   */
  label(kind: string, label: string | null, place?: Place | null): string | null {
    if (this.identities || label === null) return label;
    if (!isIdentifierKind(kind)) throw new Error(`redaction: ${JSON.stringify(kind)} is not an identifier kind`);
    if (identifier(kind).redaction === 'locality') return this.address(label, place ?? null);
    return redactValue(kind as Exclude<IdentifierKind, AddressKind>, label);
  }

  /** An address's text as the caller may see it: for a redacted view, its place without the street. */
  address(text: string | null, place: Place | null): string | null {
    if (this.identities || text === null) return text;
    return place ? redactAddress(place) : '(street redacted)';
  }

  /** A person's name (a seller's): initials only for a redacted view. */
  personName(name: string | null): string | null {
    if (this.identities || !name) return name;
    return name
      .split(/\s+/)
      .filter((w) => w !== '')
      .map((w) => `${w[0]}.`)
      .join(' ');
  }

  /** A contact person as given (a name with a phone or an email): whole, or withheld from a redacted view. */
  contact(text: string | null): string | null {
    if (this.identities || !text) return text;
    return 'withheld';
  }

  /** A postcode narrows an address to a street or a building: kept out of a redacted view. */
  postcode(postcode: string | null): string | null {
    return this.identities ? postcode : null;
  }

  /** An identifier written as `kind: label` (a recidivism alert's `via`), its label redacted. */
  tagged(text: string): string {
    if (this.identities) return text;
    const at = text.indexOf(': ');
    const kind = at < 0 ? '' : text.slice(0, at);
    // Anything not in the expected shape is withheld whole rather than shown raw.
    if (!isIdentifierKind(kind)) return '(redacted)';
    return `${kind}: ${this.label(kind, text.slice(at + 2))}`;
  }
}

/** Gives each caller its IdentityView, from the permission table and the installation's PII key. */
@Injectable()
export class Redaction {
  private readonly opaqueKey: Buffer;

  constructor(@Inject(CONFIG) config: RingwatchConfig) {
    // The key the loader fingerprints account numbers with (one secret for personal data, kept where the
    // configuration says); a derived key, so an opaque node id is never equal to a fingerprint.
    const pii = config.pii.hmacKey ?? resolveGeneratedSecret(config.pii.keyFile, undefined, 24);
    this.opaqueKey = createHmac('sha256', pii).update('ringwatch opaque identifier ids').digest();
  }

  /** The view of a caller with these roles. */
  viewFor(roles: readonly string[]): IdentityView {
    return new IdentityView(hasPermission(roles, 'identities.read'), this.opaqueKey);
  }
}
