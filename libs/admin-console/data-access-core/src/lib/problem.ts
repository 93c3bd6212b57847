// The API answers every error as RFC 9457 problem+json (see apps/api-gateway/src/common/problem.ts).
// These helpers turn an HttpErrorResponse-like value into words for the user and per-field messages.
import type { FieldError } from '@claimline/contracts/common';

export const API_BASE = '/api/v1';

export interface ApiProblem {
  status: number;
  title: string;
  detail: string;
  errors: FieldError[];
  currentVersion?: number;
  requestId?: string;
}

interface HttpErrorLike {
  status?: number;
  error?: unknown;
  message?: string;
}

const FALLBACK: Record<number, string> = {
  0: 'The server could not be reached. Check your connection and try again.',
  401: 'Your session has ended. Sign in again.',
  403: 'You are not allowed to do this.',
  404: 'This record does not exist, or you may not see it.',
  409: 'Someone else changed this record in the meantime. Reload it and apply your change again.',
  413: 'The file or request is too large.',
  429: 'Too many requests. Wait a moment and try again.',
  503: 'A part of the system is not available right now. Try again in a moment.',
  504: 'The system took too long to answer. Try again in a moment.',
};

/** Reads a problem document out of an HTTP error (any shape), never throwing. */
export function toProblem(error: unknown): ApiProblem {
  const e = (error ?? {}) as HttpErrorLike;
  const status = typeof e.status === 'number' ? e.status : 0;
  const body = (typeof e.error === 'string' ? safeJson(e.error) : e.error) as
    Record<string, unknown> | undefined;
  const errors = Array.isArray(body?.['errors']) ? (body['errors'] as unknown[]).filter(isFieldError) : [];
  const detail =
    (typeof body?.['detail'] === 'string' && body['detail']) ||
    FALLBACK[status] ||
    (status >= 500
      ? 'Something went wrong on our side. Try again; if it persists, tell your administrator.'
      : 'The request could not be completed.');
  return {
    status,
    title: (typeof body?.['title'] === 'string' && body['title']) || 'Error',
    detail,
    errors,
    currentVersion: typeof body?.['currentVersion'] === 'number' ? body['currentVersion'] : undefined,
    requestId: typeof body?.['requestId'] === 'string' ? body['requestId'] : undefined,
  };
}

/**
 * Field messages keyed by field path, for showing next to inputs. `prefix` strips a leading
 * path (e.g. `billingProfile.`) so a nested form can use its own control names.
 */
export function fieldMessages(problem: ApiProblem, prefix = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of problem.errors) {
    if (prefix && !e.field.startsWith(prefix)) continue;
    const key = e.field.slice(prefix.length);
    out[key] ??= e.message;
  }
  return out;
}

function isFieldError(v: unknown): v is FieldError {
  return (
    typeof v === 'object' &&
    v !== null &&
    typeof (v as FieldError).field === 'string' &&
    typeof (v as FieldError).message === 'string'
  );
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
