import { Inject, Injectable } from '@nestjs/common';
import type { RingwatchConfig } from '@ringwatch/config';
import { resolveGeneratedSecret } from '@ringwatch/config';
import { loadFiles, type LoadProgress, type LoadReport } from '@ringwatch/ingest';
import { fingerprinter, type Fingerprinter } from '@ringwatch/normalise';
import { AuditRepository } from '../audit/audit.repository';
import { CONFIG } from '../common/tokens';
import { ImportsRepository, type ImportRecord } from './imports.repository';

@Injectable()
export class ImportsService {
  private readonly fingerprints: Fingerprinter;

  constructor(
    @Inject(ImportsRepository) private readonly repository: ImportsRepository,
    @Inject(CONFIG) private readonly config: RingwatchConfig,
    @Inject(AuditRepository) private readonly audit: AuditRepository,
  ) {
    // Config guarantees a key with a server of the user's own; locally one is generated once and kept.
    this.fingerprints = fingerprinter(config.pii.hmacKey ?? resolveGeneratedSecret(config.pii.keyFile, undefined, 24));
  }

  /** Loads files and audits the load with its counts (who: the source, e.g. a user name, "demo", "cli"). */
  async load(files: string[], source: string, onProgress?: (p: LoadProgress) => void, rejectsPath?: string): Promise<LoadReport> {
    const report = await loadFiles({
      files,
      writer: this.repository,
      ledger: this.repository,
      fingerprinter: this.fingerprints,
      batchSize: this.config.ingest.batchSize,
      source,
      onProgress,
      rejectsPath,
    });
    await this.audit.append({ actor: source, action: 'data.load', target: `import:${report.importId}`, after: { status: report.status, counts: report.counts, files: report.files.map((f) => f.file) } });
    return report;
  }

  hasData(): Promise<boolean> {
    return this.repository.hasShops();
  }

  get(id: string): Promise<ImportRecord | null> {
    return this.repository.get(id);
  }
}
