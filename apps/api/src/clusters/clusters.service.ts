import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { ClusterDetail, ClusterListQuery, ClusterPage } from './clusters.dto';
import { ClustersRepository } from './clusters.repository';

@Injectable()
export class ClustersService {
  constructor(@Inject(ClustersRepository) private readonly repository: ClustersRepository) {}

  list(query: ClusterListQuery): Promise<ClusterPage> {
    return this.repository.list(query);
  }

  async detail(id: string, runId: string | undefined): Promise<ClusterDetail> {
    const row = await this.repository.detail(id, runId);
    if (!row) throw new NotFoundException(`cluster ${id} not found${runId ? ` in run ${runId}` : ' in the latest run'}`);
    const members = [...row.members].sort((a, b) => b.confidence - a.confidence || a.id.localeCompare(b.id));
    return { ...row, factors: JSON.parse(row.factors) as ClusterDetail['factors'], members };
  }
}
