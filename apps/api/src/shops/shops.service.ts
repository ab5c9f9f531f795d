import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ShopsRepository, type ShopDetail } from './shops.repository';

@Injectable()
export class ShopsService {
  constructor(@Inject(ShopsRepository) private readonly repository: ShopsRepository) {}

  async detail(id: string): Promise<ShopDetail> {
    const shop = await this.repository.detail(id);
    if (!shop) throw new NotFoundException(`shop ${id} not found`);
    return shop;
  }
}
