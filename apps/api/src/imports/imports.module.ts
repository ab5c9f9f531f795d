import { Module } from '@nestjs/common';
import { ImportsRepository } from './imports.repository';
import { ImportsService } from './imports.service';

@Module({ providers: [ImportsService, ImportsRepository], exports: [ImportsService] })
export class ImportsModule {}
