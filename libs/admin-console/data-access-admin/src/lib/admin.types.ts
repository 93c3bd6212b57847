// The shapes of users and audit rows are the gateway's own: @claimline/contracts/gateway.

export interface PageRequest {
  limit: number;
  offset: number;
}
