import { Inject, Injectable } from '@nestjs/common';
import type { SchemaGraph } from '@ringwatch/wire';
import { SchemaRepository } from './schema.repository';

@Injectable()
export class SchemaService {
  constructor(@Inject(SchemaRepository) private readonly repository: SchemaRepository) {}

  /** The graph model as the database holds it, shaped for sigma (node and edge keys unique). */
  async graph(): Promise<SchemaGraph> {
    const { labels, edges } = await this.repository.overview();
    const seen = new Set<string>();
    return {
      nodes: [...new Set(labels)].sort().map((label) => ({ id: label, label })),
      edges: edges.map((e) => ({ id: `${e.source}-${e.type}-${e.target}`, ...e })).filter((e) => (seen.has(e.id) ? false : (seen.add(e.id), true))),
    };
  }
}
