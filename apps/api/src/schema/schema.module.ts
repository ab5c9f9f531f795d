import { Module } from '@nestjs/common';
import { SchemaController } from './schema.controller';
import { SchemaRepository } from './schema.repository';
import { SchemaService } from './schema.service';

@Module({ controllers: [SchemaController], providers: [SchemaService, SchemaRepository] })
export class SchemaModule {}
