import { Module } from '@nestjs/common';
import { BrandCatalogue } from './brand-catalogue';
import { BrandsController } from './brands.controller';
import { BrandsRepository } from './brands.repository';
import { BrandsService } from './brands.service';
import { TakedownsController } from './takedowns.controller';
import { TakedownsRepository } from './takedowns.repository';
import { TakedownsService } from './takedowns.service';

@Module({
  controllers: [BrandsController, TakedownsController],
  providers: [BrandsService, BrandsRepository, BrandCatalogue, TakedownsService, TakedownsRepository],
  exports: [BrandCatalogue],
})
export class BrandsModule {}
