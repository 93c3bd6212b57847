import type { Submission837Config } from '@claimline/claims';

/**
 * The envelope of an 837P downloaded from Claimline: a test-usage (`ISA15 = T`) interchange from
 * Claimline to no clearinghouse in particular. Sending claims to a clearinghouse (its ids, a
 * production usage, control numbers kept per partner) comes with the submission issue; until then
 * an 837P is a file for the practice to inspect or upload itself.
 */
export const DOWNLOAD_837P_CONFIG: Submission837Config = {
  usage: 'T',
  interchangeSender: { qualifier: 'ZZ', id: 'CLAIMLINE' },
  interchangeReceiver: { qualifier: 'ZZ', id: 'CLEARINGHOUSE' },
  applicationSender: 'CLAIMLINE',
  applicationReceiver: 'CLEARINGHOUSE',
  submitter: { name: 'Claimline', id: 'CLAIMLINE', contactName: 'Claimline Support', phone: '8005550100' },
  receiver: { name: 'Clearinghouse', id: 'CLEARINGHOUSE' },
};
