import { SchedulerRegistry } from '@nestjs/schedule';
import { describe, expect, it } from 'vitest';
import { AuthService } from '../../apps/api/src/auth/auth.service';
import { DetectionService, ImportsRepository, openApiContext } from '../../apps/api/src/cli/context';
import { ImportsService } from '../../apps/api/src/imports/imports.service';
import { testConfig } from '../setup/app';

describe('the application context of the command-line tools', () => {
  it('hands out the API services over the configured database, starts no nightly report, and closes the database', async () => {
    const config = testConfig({ REPORT_SCHEDULE: 'on', REPORT_CRON: '*/1 * * * * *' });
    expect(config.report.scheduled).toBe(true);
    const context = await openApiContext(config);
    let closed = false;
    try {
      expect(context.app.get(DetectionService)).toBeInstanceOf(DetectionService);
      expect(context.app.get(ImportsService)).toBeInstanceOf(ImportsService);
      expect(context.app.get(ImportsRepository)).toBeInstanceOf(ImportsRepository);
      expect((await context.app.get(AuthService).listUsers(0, 1)).length).toBeLessThanOrEqual(1);
      expect(context.database.server).toBeUndefined();
      expect(context.app.get(SchedulerRegistry).getCronJobs().size).toBe(0);
      await context.close();
      closed = true;
      await expect(context.database.driver.executeQuery('RETURN 1')).rejects.toThrow();
    } finally {
      if (!closed) await context.close();
    }
  });
});
