import { Controller, Get, Inject, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { RequirePermission } from '../auth/roles';
import { Actor } from '../common/actor';
import { ZodPipe } from '../common/zod.pipe';
import { ClusterIdSchema, DossierQuerySchema, type DossierQuery } from '@ringwatch/wire';
import { DossiersService } from './dossiers.service';

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('clusters')
export class DossiersController {
  constructor(@Inject(DossiersService) private readonly dossiers: DossiersService) {}

  /** Identities only with identities.read, a redacted copy otherwise. Every export is audited. */
  @Get(':id/dossier')
  @RequirePermission('dossier.read')
  @ApiProduces('application/pdf', 'text/html', 'application/json', 'application/zip')
  async dossier(
    @Param('id', new ZodPipe(ClusterIdSchema)) id: string,
    @Query(new ZodPipe(DossierQuerySchema)) query: DossierQuery,
    @Actor() actor: Actor,
    @Res() res: Response,
  ) {
    const out = await this.dossiers.export(id, query.run, query.format, actor);
    res.setHeader('content-type', out.type);
    res.setHeader('content-disposition', `${query.format === 'html' || query.format === 'json' ? 'inline' : 'attachment'}; filename="${out.fileName}"`);
    if (query.format === 'html') res.setHeader('content-security-policy', "default-src 'none'; style-src 'unsafe-inline'");
    res.setHeader('cache-control', 'no-store');
    res.send(out.body);
  }
}

@ApiTags('dossiers')
@ApiBearerAuth()
@Controller('dossiers')
export class DossierKeyController {
  constructor(@Inject(DossiersService) private readonly dossiers: DossiersService) {}

  /**
   * The installation's public key that signs every dossier manifest (SPKI PEM) and its id, so whoever
   * receives a dossier checks it against the key of the installation, not only the copy in the zip.
   */
  @Get('signing-key')
  @RequirePermission('dossier.read')
  signingKey() {
    return this.dossiers.publicKey();
  }
}
