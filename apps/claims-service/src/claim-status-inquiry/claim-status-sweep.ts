import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { servicePrincipal } from '@claimline/contracts/common';
import { ClaimsEnv, SERVICE_NAME } from '../config/env';
import { ClaimStatusInquiryService } from './claim-status-inquiry.service';

/**
 * Every `CLAIM_STATUS_SWEEP_MINUTES` (0: never), asks the payer about the claims with no answer
 * `CLAIM_STATUS_AFTER_DAYS` after submission (per payer: `CLAIM_STATUS_AFTER_DAYS_BY_PAYER`).
 * One sweep at a time per process; two instances may ask about the same claim twice, which costs a
 * request and changes nothing.
 */
@Injectable()
export class ClaimStatusSweep implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly log = new Logger('ClaimStatusSweep');
  private timer: NodeJS.Timeout | undefined;
  private running = false;

  constructor(
    private readonly inquiries: ClaimStatusInquiryService,
    private readonly env: ClaimsEnv,
  ) {}

  onApplicationBootstrap(): void {
    const minutes = this.env.CLAIM_STATUS_SWEEP_MINUTES;
    if (!minutes || !this.env.CLEARINGHOUSE_ELIGIBILITY_URL) return;
    this.timer = setInterval(() => void this.run(), minutes * 60_000);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    if (this.timer) clearInterval(this.timer);
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      const asked = await this.inquiries.sweep(servicePrincipal(SERVICE_NAME, [], null));
      if (asked) this.log.log(`asked the payers about ${asked} claims`);
    } catch (error) {
      this.log.error(`claim status sweep failed: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      this.running = false;
    }
  }
}
