import { log, queryEntities, setTimer } from '@platform/runtime';
import { audit } from '@modules/PlatformAudit';

/** A job definition stored in the ScheduledJob entity. */
export interface ScheduledJob {
  id?: number;
  name: string;
  everyMs: number;
}

/** Starts every scheduled job defined in the environment; resolves to how many were started. */
export async function startScheduledJobs(run: (job: ScheduledJob) => Promise<void>): Promise<number> {
  const jobs = await queryEntities<ScheduledJob>('ScheduledJob');
  for (const job of jobs) {
    setTimer(job.name, job.everyMs, async () => {
      log(`scheduler: running ${job.name}`);
      await run(job);
      await audit('scheduled-job', { name: job.name });
    });
  }
  return jobs.length;
}
