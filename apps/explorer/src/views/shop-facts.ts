import type { ShopDetail } from '@ringwatch/wire';
import { fmtDate } from '../dom';

/** What the shop page and the graph's details panel both say of a shop: status, age, seller, activity. */
export function shopFacts(shop: ShopDetail): [string, string | number][] {
  return [
    ['Status', shop.status ?? '–'],
    ['Opened', fmtDate(shop.openedAt)],
    ['Seller', `${shop.sellerName ?? '–'} (${shop.sellerId ?? '–'}, ${shop.sellerCountry ?? '–'})`],
    ['Listings', shop.listings],
    ['Counterfeit reports', shop.counterfeitReports],
  ];
}
