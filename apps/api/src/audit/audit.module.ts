import { Global, Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditRepository } from './audit.repository';
import { IdentityReads } from './identity-reads';

@Global()
@Module({ controllers: [AuditController], providers: [AuditRepository, IdentityReads], exports: [AuditRepository, IdentityReads] })
export class AuditModule {}
