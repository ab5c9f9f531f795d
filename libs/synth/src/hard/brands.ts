/**
 * The hard world's brands sell product lines whose prices span twenty times and more, inside one
 * category (socks and parkas are both apparel) and across categories (caps and watches): a brand's
 * cheap line at full price costs less than a counterfeit of its expensive line.
 */

export interface ProductLine {
  readonly line: string;
  readonly category: string;
  /** List price in USD. */
  readonly price: number;
  readonly products: readonly string[];
}

export interface LineBrand {
  readonly name: string;
  /** Enforced through the brand portal: the brands counterfeiters copy. */
  readonly protected: boolean;
  readonly lines: readonly ProductLine[];
}

export const LINE_BRANDS: readonly LineBrand[] = [
  {
    name: 'Aurelio',
    protected: true,
    lines: [
      { line: 'Pouch', category: 'bags', price: 95, products: ['Pouch', 'Cosmetic Case'] },
      { line: 'Keyring', category: 'accessories', price: 120, products: ['Keyring', 'Bag Charm'] },
      { line: 'Card Holder', category: 'accessories', price: 290, products: ['Card Holder', 'Coin Purse'] },
      { line: 'Wallet', category: 'bags', price: 520, products: ['Zip Wallet', 'Bifold Wallet'] },
      { line: 'Belt', category: 'accessories', price: 450, products: ['Leather Belt', 'Reversible Belt'] },
      { line: 'Bag', category: 'bags', price: 2400, products: ['Tote', 'Shoulder Bag', 'Clutch', 'Top Handle Bag'] },
    ],
  },
  {
    name: 'Nordpeak',
    protected: true,
    lines: [
      { line: 'Socks', category: 'apparel', price: 18, products: ['Hiking Socks', 'Merino Socks'] },
      { line: 'Cap', category: 'accessories', price: 32, products: ['Cap', 'Beanie'] },
      { line: 'T-Shirt', category: 'apparel', price: 45, products: ['Logo T-Shirt', 'Base Layer'] },
      { line: 'Fleece', category: 'apparel', price: 140, products: ['Fleece', 'Softshell'] },
      { line: 'Down Jacket', category: 'apparel', price: 420, products: ['Down Jacket', 'Parka', 'Expedition Coat'] },
    ],
  },
  {
    name: 'Chronex',
    protected: true,
    lines: [
      { line: 'Cap', category: 'accessories', price: 45, products: ['Racing Cap', 'Logo Cap'] },
      { line: 'Strap', category: 'watches', price: 180, products: ['Rubber Strap', 'Leather Strap'] },
      { line: 'Sunglasses', category: 'accessories', price: 390, products: ['Aviator', 'Sport Sunglasses'] },
      { line: 'Watch', category: 'watches', price: 5800, products: ['Diver', 'Chronograph', 'GMT', 'Dress Watch'] },
    ],
  },
  {
    name: 'Veloce',
    protected: true,
    lines: [
      { line: 'Socks', category: 'apparel', price: 14, products: ['Crew Socks', 'Running Socks'] },
      { line: 'Insoles', category: 'shoes', price: 12, products: ['Insoles', 'Shoelaces'] },
      { line: 'Slide', category: 'shoes', price: 45, products: ['Slide', 'Flip-Flop'] },
      { line: 'Sneaker', category: 'shoes', price: 170, products: ['Runner', 'Sneaker', 'Trainer'] },
      { line: 'Limited Sneaker', category: 'shoes', price: 380, products: ['Retro High', 'Collab Low'] },
    ],
  },
  {
    name: 'Maison Lune',
    protected: true,
    lines: [
      { line: 'Lip Balm', category: 'cosmetics', price: 22, products: ['Lip Balm', 'Hand Cream'] },
      { line: 'Lipstick', category: 'cosmetics', price: 48, products: ['Lipstick', 'Palette'] },
      { line: 'Perfume', category: 'cosmetics', price: 165, products: ['Eau de Parfum', 'Eau de Toilette'] },
      { line: 'Fragrance Set', category: 'cosmetics', price: 480, products: ['Fragrance Coffret', 'Extrait de Parfum'] },
      { line: 'Scarf', category: 'accessories', price: 440, products: ['Silk Scarf', 'Cashmere Stole'] },
    ],
  },
  {
    name: 'Sonora',
    protected: true,
    lines: [
      { line: 'Cable', category: 'electronics', price: 19, products: ['USB-C Cable', 'Charger'] },
      { line: 'Earbuds', category: 'electronics', price: 149, products: ['Earbuds', 'Sport Earbuds'] },
      { line: 'Headphones', category: 'electronics', price: 379, products: ['Noise-Cancelling Headphones', 'Studio Headphones'] },
      { line: 'Speaker', category: 'electronics', price: 520, products: ['Home Speaker', 'Soundbar'] },
    ],
  },
  {
    name: 'Kestrel',
    protected: true,
    lines: [
      { line: 'Socks', category: 'sports', price: 12, products: ['Football Socks', 'Grip Socks'] },
      { line: 'Cap', category: 'accessories', price: 28, products: ['Team Cap'] },
      { line: 'Jersey', category: 'sports', price: 95, products: ['Home Jersey', 'Away Jersey'] },
      { line: 'Boots', category: 'shoes', price: 260, products: ['Football Boots', 'Pro Boots'] },
    ],
  },
  {
    name: 'Basique',
    protected: false,
    lines: [
      { line: 'Basics', category: 'apparel', price: 15, products: ['T-Shirt', 'Socks', 'Hoodie'] },
      { line: 'Denim', category: 'apparel', price: 45, products: ['Jeans', 'Denim Jacket'] },
    ],
  },
  { name: 'Homely', protected: false, lines: [{ line: 'Home', category: 'home', price: 35, products: ['Lamp', 'Cushion', 'Mug', 'Throw'] }] },
  { name: 'Playwise', protected: false, lines: [{ line: 'Toys', category: 'toys', price: 28, products: ['Puzzle', 'Blocks', 'Doll', 'Car'] }] },
  { name: 'Trailmate', protected: false, lines: [{ line: 'Outdoor', category: 'sports', price: 60, products: ['Backpack', 'Bottle', 'Tent', 'Mat'] }] },
  { name: 'Gadgetry', protected: false, lines: [{ line: 'Gadgets', category: 'electronics', price: 30, products: ['Cable', 'Stand', 'Case', 'Hub'] }] },
];

export const PROTECTED_LINE_BRANDS: readonly LineBrand[] = LINE_BRANDS.filter((b) => b.protected);
export const ORDINARY_LINE_BRANDS: readonly LineBrand[] = LINE_BRANDS.filter((b) => !b.protected);

/** A brand's lines at or below its median price: what authorised resellers of cheap lines carry. */
export function cheapLines(brand: LineBrand): readonly ProductLine[] {
  const prices = brand.lines.map((l) => l.price).sort((a, b) => a - b);
  const median = prices[Math.floor((prices.length - 1) / 2)]!;
  return brand.lines.filter((l) => l.price <= median);
}

/** Words second-hand sellers put in titles, in the languages of the world (not every seller does). */
export const SECOND_HAND_WORDS = [
  'Pre-owned',
  'Used',
  'Vintage',
  'Gebraucht',
  'Occasion',
  'Usato',
  'Seminuevo',
  'Tweedehands',
  'Używany',
  'Second-hand',
  'Preloved',
];
/** Words of honest and counterfeit titles alike. */
export const TITLE_WORDS = ['New', '2026', 'Original', 'Premium', 'Classic', 'Limited', 'Authentic', 'Season'];
