import fs from 'node:fs';
import path from 'node:path';

/**
 * bench:dossier's planted ring of `size` shops (sellers sharing devices, one dispatch warehouse per 10
 * shops, payouts to shared accounts, branded listings) as import files in `dir`; returns their paths.
 * Shared with scripts/profile/dossier-db.ts, so the profile reads what the benchmark reads.
 */
export function writeRing(dir: string, size: number): string[] {
  fs.mkdirSync(dir, { recursive: true });
  let state = 99;
  const next = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const devices = Math.ceil((size * 3) / 15);
  const files: Record<string, string[]> = {
    'sellers.csv': ['seller_id,name,country,registered_at,kyc_id,emails,phones,device_ids'],
    'shops.csv': ['shop_id,seller_id,name,opened_at,status,category'],
    'listings.csv': ['listing_id,shop_id,title,brand,category,price,currency,listed_at,status'],
    'addresses.csv': ['shop_id,kind,line1,line2,city,region,postcode,country'],
    'payments.csv': ['payment_id,shop_id,account,account_kind,provider,amount,currency,paid_at'],
  };
  for (let i = 0; i < size; i++) {
    const own = new Set<number>();
    while (own.size < 3) own.add(Math.floor(next() * devices));
    files['sellers.csv']!.push(
      `DR-U${i},Dossier Seller ${i},CN,2026-04-01T00:00:00Z,DR-KYC-${100000 + i},seller${i}@example.com,+861380013${String(i).padStart(4, '0')},${[...own].map((d) => `dr-dev-${d}`).join('|')}`,
    );
    files['shops.csv']!.push(`DR-S${i},DR-U${i},Dossier Outlet ${i},2026-04-${String(1 + (i % 28)).padStart(2, '0')}T00:00:00Z,active,bags`);
    files['addresses.csv']!.push(`DR-S${i},dispatch,No.${(i % 30) + 1} Xinhua Rd,Rm ${300 + (i % 10)},Guangzhou,Guangdong,510000,CN`);
    files['payments.csv']!.push(`DR-P${i},DR-S${i},wallet-dr-${i % 12},wallet,AliPay,${(500 + next() * 500).toFixed(2)},USD,2026-06-01T00:00:00Z`);
    for (let j = 0; j < 5; j++)
      files['listings.csv']!.push(`DR-L${i}-${j},DR-S${i},Aurelio Tote ${j},Aurelio,bags,${(150 + next() * 100).toFixed(2)},USD,2026-05-01T00:00:00Z,active`);
  }
  return Object.entries(files).map(([name, lines]) => {
    fs.writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
    return path.join(dir, name);
  });
}
