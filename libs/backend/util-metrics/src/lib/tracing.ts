import {
  context,
  Context,
  propagation,
  ROOT_CONTEXT,
  Span,
  SpanKind,
  SpanStatusCode,
  trace,
  Attributes,
} from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { registerInstrumentations } from '@opentelemetry/instrumentation';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { resourceFromAttributes } from '@opentelemetry/resources';
import {
  BatchSpanProcessor,
  ParentBasedSampler,
  SimpleSpanProcessor,
  SpanExporter,
  TraceIdRatioBasedSampler,
  TracerProvider,
} from '@opentelemetry/sdk-trace';

export { SpanKind };

/** The tracer every Claimline library records its spans with. */
const TRACER = 'claimline';

export interface TracingOptions {
  /** `service.name` of every span of this process. */
  service: string;
  /**
   * Where spans go. Unset: the OTLP/HTTP exporter when `OTEL_EXPORTER_OTLP_ENDPOINT` (or
   * `OTEL_EXPORTER_OTLP_TRACES_ENDPOINT`) is set, otherwise tracing stays off. Tests pass the SDK's
   * in-memory exporter.
   */
  exporter?: SpanExporter;
  env?: NodeJS.ProcessEnv;
}

export interface TracingHandle {
  /** Exports what is buffered and stops (at application shutdown). */
  shutdown(): Promise<void>;
}

let started: { service: string; provider: TracerProvider } | null = null;

/**
 * Turns tracing on for this process, once, before the app opens connections: a tracer provider
 * named after the service, AsyncLocalStorage context, W3C trace context as the propagator (for the
 * NATS headers) and the pg instrumentation (SQL spans of traced work only; statements, never their
 * values). Without an exporter and without `OTEL_EXPORTER_OTLP_ENDPOINT` nothing is installed:
 * the API stays a no-op, so spans cost nothing and no header is written. Returns null then.
 */
export function startTracing(options: TracingOptions): TracingHandle | null {
  const env = options.env ?? process.env;
  const endpoint = env['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT'] || env['OTEL_EXPORTER_OTLP_ENDPOINT'];
  if (!options.exporter && !endpoint) return null;
  if (started) {
    if (started.service !== options.service)
      throw new Error(`tracing already started for ${started.service}, not ${options.service}`);
    return { shutdown: () => started?.provider.shutdown() ?? Promise.resolve() };
  }
  const ratio = Number(env['OTEL_TRACES_SAMPLER_ARG'] ?? 1);
  const provider = new TracerProvider({
    resource: resourceFromAttributes({ 'service.name': options.service }),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(Number.isFinite(ratio) ? Math.min(1, Math.max(0, ratio)) : 1),
    }),
    spanProcessors: [
      options.exporter
        ? new SimpleSpanProcessor({ exporter: options.exporter })
        : new BatchSpanProcessor({
            exporter: new OTLPTraceExporter(),
            scheduledDelayMillis: Number(env['OTEL_BSP_SCHEDULE_DELAY'] ?? 5000),
          }),
    ],
  });
  context.setGlobalContextManager(new AsyncLocalStorageContextManager().enable());
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  trace.setGlobalTracerProvider(provider);
  registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [new PgInstrumentation({ requireParentSpan: true, enhancedDatabaseReporting: false })],
  });
  started = { service: options.service, provider };
  return { shutdown: () => provider.shutdown() };
}

/** Whether this process records spans (`startTracing` found somewhere to send them). */
export function tracingEnabled(): boolean {
  return started !== null;
}

/** Writes the active span's W3C `traceparent` (and `tracestate`) with `set`; nothing when tracing is off. */
export function injectTraceContext(set: (key: string, value: string) => void, ctx = context.active()): void {
  propagation.inject(ctx, undefined, {
    set: (_carrier, key, value) => set(key, value),
  });
}

/** The context a `traceparent` read with `get` names (the root context when there is none). */
export function extractTraceContext(get: (key: string) => string | undefined): Context {
  return propagation.extract(ROOT_CONTEXT, undefined, {
    get: (_carrier, key) => get(key) || undefined,
    keys: () => ['traceparent', 'tracestate'],
  });
}

/** The active context's `traceparent` as text, to keep it beside work done later (an outbox row). */
export function currentTraceparent(): string | null {
  let value: string | null = null;
  injectTraceContext((key, v) => {
    if (key === 'traceparent') value = v;
  });
  return value;
}

/** The trace and span ids of the active span, for log lines (none outside a traced operation). */
export function currentTraceIds(): { traceId: string; spanId: string } | null {
  const span = trace.getSpan(context.active());
  const ids = span?.spanContext();
  if (!ids || !trace.isSpanContextValid(ids) || !span?.isRecording()) return null;
  return { traceId: ids.traceId, spanId: ids.spanId };
}

/** Starts a span that the caller ends; `parent` defaults to the active context. */
export function startSpan(
  name: string,
  kind: SpanKind,
  attributes: Attributes = {},
  parent: Context = context.active(),
): { span: Span; ctx: Context } {
  const span = trace.getTracer(TRACER).startSpan(name, { kind, attributes }, parent);
  return { span, ctx: trace.setSpan(parent, span) };
}

/** Ends a span as failed, with the error's class (never its message: it may quote values). */
export function endSpanWithError(span: Span, error: unknown): void {
  const type = error instanceof Error ? error.constructor.name : typeof error;
  span.setStatus({ code: SpanStatusCode.ERROR });
  span.setAttribute('error.type', (error as { code?: string })?.code ?? type);
  span.end();
}

/**
 * Runs `fn` inside a new span (child of `parent`, by default the active context) and ends it when
 * `fn` settles, as failed if it throws.
 */
export async function inSpan<T>(
  name: string,
  kind: SpanKind,
  attributes: Attributes,
  fn: () => Promise<T>,
  parent: Context = context.active(),
): Promise<T> {
  const { span, ctx } = startSpan(name, kind, attributes, parent);
  try {
    const result = await context.with(ctx, fn);
    span.end();
    return result;
  } catch (error) {
    endSpanWithError(span, error);
    throw error;
  }
}

/** Runs `fn` with `ctx` as the active context. */
export function withContext<T>(ctx: Context, fn: () => T): T {
  return context.with(ctx, fn);
}

/** Exports the spans still buffered (at application shutdown; tracing stays on for other apps of the process). */
export async function flushTracing(): Promise<void> {
  await started?.provider.forceFlush();
}
