import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Roles } from '../auth/roles';
import { ZodPipe } from '../common/zod.pipe';
import { ShopsService } from './shops.service';

const ShopIdSchema = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}$/, 'shop ids are 1-64 letters, digits or _.:-');

@ApiTags('shops')
@ApiBearerAuth()
@Roles('analyst', 'supervisor', 'liaison', 'admin')
@Controller('shops')
export class ShopsController {
  constructor(@Inject(ShopsService) private readonly shops: ShopsService) {}

  @Get(':id')
  detail(@Param('id', new ZodPipe(ShopIdSchema)) id: string) {
    return this.shops.detail(id);
  }
}
