/** Names, places and brands the synthetic marketplace draws from. */

export interface CountryProfile {
  readonly code: string;
  readonly currency: string;
  readonly cities: readonly { readonly city: string; readonly region: string; readonly postcodePrefix: string }[];
  readonly streets: readonly string[];
  /** Shape of a postcode: 9 = digit, A = letter, space kept. */
  readonly postcode: string;
  readonly dialCode: string;
  /** National significant number pattern for mobiles: 9 = any digit, other characters literal. */
  readonly mobile: string;
  readonly ibanPrefix: string | null;
}

export const COUNTRIES: readonly CountryProfile[] = [
  {
    code: 'CN',
    currency: 'CNY',
    cities: [
      { city: 'Shenzhen', region: 'Guangdong', postcodePrefix: '518' },
      { city: 'Guangzhou', region: 'Guangdong', postcodePrefix: '510' },
      { city: 'Yiwu', region: 'Zhejiang', postcodePrefix: '322' },
      { city: 'Putian', region: 'Fujian', postcodePrefix: '351' },
      { city: 'Shanghai', region: 'Shanghai', postcodePrefix: '200' },
    ],
    streets: ['Xinhua', 'Renmin', 'Jiefang', 'Zhongshan', 'Huaqiang', 'Binhai', 'Futian', 'Nanhai', 'Baoan', 'Longgang'],
    postcode: '999',
    dialCode: '86',
    mobile: '13999999999',
    ibanPrefix: null,
  },
  {
    code: 'US',
    currency: 'USD',
    cities: [
      { city: 'Los Angeles', region: 'CA', postcodePrefix: '900' },
      { city: 'Miami', region: 'FL', postcodePrefix: '331' },
      { city: 'New York', region: 'NY', postcodePrefix: '100' },
      { city: 'Houston', region: 'TX', postcodePrefix: '770' },
      { city: 'Newark', region: 'NJ', postcodePrefix: '071' },
    ],
    streets: ['Main', 'Oak', 'Pine', 'Maple', 'Cedar', 'Elm', 'Washington', 'Lake', 'Hill', 'Sunset'],
    postcode: '99',
    dialCode: '1',
    mobile: '2136999999',
    ibanPrefix: null,
  },
  {
    code: 'GB',
    currency: 'GBP',
    cities: [
      { city: 'London', region: 'Greater London', postcodePrefix: 'E1' },
      { city: 'Manchester', region: 'Greater Manchester', postcodePrefix: 'M4' },
      { city: 'Birmingham', region: 'West Midlands', postcodePrefix: 'B5' },
      { city: 'Leeds', region: 'West Yorkshire', postcodePrefix: 'LS1' },
    ],
    streets: ['High', 'Station', 'Church', 'Victoria', 'Park', 'Mill', 'Queen', 'King', 'Green', 'Market'],
    postcode: ' 9AA',
    dialCode: '44',
    mobile: '7999999999',
    ibanPrefix: 'GB',
  },
  {
    code: 'DE',
    currency: 'EUR',
    cities: [
      { city: 'Berlin', region: 'Berlin', postcodePrefix: '10' },
      { city: 'Hamburg', region: 'Hamburg', postcodePrefix: '20' },
      { city: 'Frankfurt', region: 'Hessen', postcodePrefix: '60' },
      { city: 'Duisburg', region: 'Nordrhein-Westfalen', postcodePrefix: '47' },
    ],
    streets: ['Haupt', 'Bahnhof', 'Garten', 'Schul', 'Berg', 'Linden', 'Kirch', 'Wald', 'Ring', 'Markt'],
    postcode: '999',
    dialCode: '49',
    mobile: '15199999999',
    ibanPrefix: 'DE',
  },
  {
    code: 'NL',
    currency: 'EUR',
    cities: [
      { city: 'Amsterdam', region: 'Noord-Holland', postcodePrefix: '10' },
      { city: 'Rotterdam', region: 'Zuid-Holland', postcodePrefix: '30' },
      { city: 'Venlo', region: 'Limburg', postcodePrefix: '59' },
    ],
    streets: ['Kerk', 'Molen', 'Dorps', 'Stations', 'School', 'Haven', 'Prinsen', 'Heeren', 'Keizers', 'Linden'],
    postcode: '99 AA',
    dialCode: '31',
    mobile: '699999999',
    ibanPrefix: 'NL',
  },
  {
    code: 'TR',
    currency: 'TRY',
    cities: [
      { city: 'Istanbul', region: 'Istanbul', postcodePrefix: '34' },
      { city: 'Izmir', region: 'Izmir', postcodePrefix: '35' },
      { city: 'Bursa', region: 'Bursa', postcodePrefix: '16' },
    ],
    streets: ['Ataturk', 'Cumhuriyet', 'Istiklal', 'Inonu', 'Fatih', 'Gazi', 'Bagdat', 'Halaskargazi', 'Barbaros', 'Vatan'],
    postcode: '999',
    dialCode: '90',
    mobile: '5329999999',
    ibanPrefix: null,
  },
];

/** Street kinds as the generator writes them in full; variants abbreviate them. */
export const STREET_TYPES = ['Road', 'Street', 'Avenue', 'Boulevard', 'Lane', 'Drive'] as const;
export const STREET_TYPE_ABBREVIATIONS: Record<(typeof STREET_TYPES)[number], readonly string[]> = {
  Road: ['Rd', 'Rd.', 'ROAD'],
  Street: ['St', 'St.', 'Str'],
  Avenue: ['Ave', 'Ave.', 'Av'],
  Boulevard: ['Blvd', 'Blvd.'],
  Lane: ['Ln', 'Ln.'],
  Drive: ['Dr', 'Dr.'],
};

export const FIRST_NAMES = [
  'Wei',
  'Li',
  'Ming',
  'Jun',
  'Hui',
  'Anna',
  'James',
  'Maria',
  'David',
  'Sarah',
  'Ahmet',
  'Elif',
  'Lukas',
  'Sophie',
  'Daan',
  'Emma',
  'Omar',
  'Lucy',
  'Chen',
  'Yan',
  'Mehmet',
  'Zeynep',
  'Jonas',
  'Mia',
  'Noah',
  'Olivia',
  'Ravi',
  'Priya',
];
export const LAST_NAMES = [
  'Wang',
  'Li',
  'Zhang',
  'Liu',
  'Chen',
  'Smith',
  'Johnson',
  'Brown',
  'Garcia',
  'Yilmaz',
  'Kaya',
  'Muller',
  'Schmidt',
  'de Vries',
  'Jansen',
  'Taylor',
  'Wilson',
  'Huang',
  'Zhao',
  'Demir',
  'Weber',
  'Bakker',
  'Patel',
  'Khan',
  'Lopez',
];
export const SHOP_WORDS = [
  'Trend',
  'Style',
  'Outlet',
  'Direct',
  'Deals',
  'Mall',
  'Store',
  'Boutique',
  'Corner',
  'Hub',
  'Express',
  'Select',
  'Prime',
  'Lux',
  'Vogue',
  'Urban',
  'Classic',
  'Global',
  'Star',
  'Golden',
  'Lucky',
  'Happy',
  'Best',
  'Top',
  'Smart',
];
export const CATEGORIES = ['shoes', 'bags', 'watches', 'apparel', 'electronics', 'cosmetics', 'accessories', 'toys', 'home', 'sports'];

export interface Brand {
  readonly name: string;
  readonly category: string;
  /** Typical price of the brand's goods in USD, from which listings vary. */
  readonly typicalPrice: number;
  /** A protected brand is one whose owner enforces against counterfeits through the brand portal. */
  readonly protected: boolean;
  readonly products: readonly string[];
}

export const BRANDS: readonly Brand[] = [
  { name: 'Aurelio', category: 'bags', typicalPrice: 1800, protected: true, products: ['Tote', 'Shoulder Bag', 'Wallet', 'Clutch'] },
  { name: 'Veloce', category: 'shoes', typicalPrice: 160, protected: true, products: ['Runner', 'Sneaker', 'Trainer', 'Slide'] },
  { name: 'Chronex', category: 'watches', typicalPrice: 6500, protected: true, products: ['Diver', 'Chronograph', 'GMT', 'Dress Watch'] },
  { name: 'Maison Lune', category: 'cosmetics', typicalPrice: 95, protected: true, products: ['Perfume', 'Lipstick', 'Serum', 'Palette'] },
  { name: 'Nordpeak', category: 'apparel', typicalPrice: 320, protected: true, products: ['Down Jacket', 'Parka', 'Fleece', 'Vest'] },
  { name: 'Sonora', category: 'electronics', typicalPrice: 250, protected: true, products: ['Earbuds', 'Headphones', 'Speaker', 'Charger'] },
  { name: 'Kestrel', category: 'sports', typicalPrice: 140, protected: true, products: ['Jersey', 'Football', 'Cap', 'Shorts'] },
  { name: 'Basique', category: 'apparel', typicalPrice: 25, protected: false, products: ['T-Shirt', 'Hoodie', 'Socks', 'Jeans'] },
  { name: 'Homely', category: 'home', typicalPrice: 40, protected: false, products: ['Lamp', 'Cushion', 'Mug', 'Throw'] },
  { name: 'Playwise', category: 'toys', typicalPrice: 30, protected: false, products: ['Puzzle', 'Blocks', 'Doll', 'Car'] },
  { name: 'Trailmate', category: 'sports', typicalPrice: 60, protected: false, products: ['Backpack', 'Bottle', 'Tent', 'Mat'] },
  { name: 'Gadgetry', category: 'electronics', typicalPrice: 35, protected: false, products: ['Cable', 'Stand', 'Case', 'Hub'] },
];
export const PROTECTED_BRANDS: readonly Brand[] = BRANDS.filter((b) => b.protected);
export const ORDINARY_BRANDS: readonly Brand[] = BRANDS.filter((b) => !b.protected);

export const EMAIL_DOMAINS = ['gmail.com', 'outlook.com', 'qq.com', '163.com', 'yahoo.com', 'proton.me', 'gmx.de', 'hotmail.com'];
export const BANKS = ['HSBC', 'Deutsche Bank', 'ING', 'Barclays', 'ICBC', 'Bank of China', 'Commerzbank', 'Rabobank', 'Lloyds'];
export const WALLET_PROVIDERS = ['Alipay', 'PayPal', 'WeChat Pay', 'Payoneer', 'Wise'];
export const CARD_ISSUERS = ['Visa', 'Mastercard'];
export const SETTLEMENT_PROVIDERS = ['PayFlow Settlements', 'Globex Pay', 'Marketplace Payout Services', 'Lianlian Global', 'PingPong'];
