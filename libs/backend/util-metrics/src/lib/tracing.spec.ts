import { context, trace } from '@opentelemetry/api';
import { InMemorySpanExporter } from '@opentelemetry/sdk-trace';
import {
  currentTraceIds,
  currentTraceparent,
  extractTraceContext,
  injectTraceContext,
  inSpan,
  SpanKind,
  startTracing,
  tracingEnabled,
  withContext,
} from './tracing';

describe('tracing', () => {
  it('stays off without an exporter or OTEL_EXPORTER_OTLP_ENDPOINT: no spans, no headers', async () => {
    expect(startTracing({ service: 'svc', env: {} })).toBeNull();
    expect(tracingEnabled()).toBe(false);
    const headers: Record<string, string> = {};
    await inSpan('off', SpanKind.CLIENT, {}, async () => {
      injectTraceContext((k, v) => (headers[k] = v));
      expect(currentTraceIds()).toBeNull();
    });
    expect(headers).toEqual({});
    expect(currentTraceparent()).toBeNull();
  });

  describe('on', () => {
    const exporter = new InMemorySpanExporter();

    beforeAll(() => {
      expect(startTracing({ service: 'svc', exporter })).not.toBeNull();
    });

    beforeEach(() => exporter.reset());

    it('carries a span across a header boundary as W3C trace context: one trace, parent and child', async () => {
      const headers: Record<string, string> = {};
      await inSpan('caller', SpanKind.CLIENT, {}, async () => {
        injectTraceContext((k, v) => (headers[k] = v));
      });
      expect(headers['traceparent']).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      let logged: ReturnType<typeof currentTraceIds> = null;
      await inSpan(
        'callee',
        SpanKind.SERVER,
        { 'rpc.method': 'x.y' },
        async () => {
          logged = currentTraceIds();
        },
        extractTraceContext((k) => headers[k]),
      );
      const [caller, callee] = exporter.getFinishedSpans();
      expect(callee.spanContext().traceId).toBe(caller.spanContext().traceId);
      expect(callee.parentSpanContext?.spanId).toBe(caller.spanContext().spanId);
      expect(callee.resource.attributes['service.name']).toBe('svc');
      expect(logged).toEqual({ traceId: callee.spanContext().traceId, spanId: callee.spanContext().spanId });
    });

    it('keeps a traceparent as text (an outbox row) that a later span continues', async () => {
      let kept: string | null = null;
      await inSpan('request', SpanKind.SERVER, {}, async () => {
        kept = currentTraceparent();
      });
      expect(kept).not.toBeNull();
      await inSpan(
        'publish',
        SpanKind.PRODUCER,
        {},
        async () => undefined,
        extractTraceContext((k) => (k === 'traceparent' ? kept! : undefined)),
      );
      const [request, publish] = exporter.getFinishedSpans();
      expect(publish.spanContext().traceId).toBe(request.spanContext().traceId);
      expect(publish.parentSpanContext?.spanId).toBe(request.spanContext().spanId);
    });

    it('marks a span failed with the error class, never its message', async () => {
      await expect(
        inSpan('failing', SpanKind.INTERNAL, {}, async () => {
          throw new TypeError('member W123 not found');
        }),
      ).rejects.toThrow(TypeError);
      const [span] = exporter.getFinishedSpans();
      expect(span.status.code).toBe(2);
      expect(span.attributes['error.type']).toBe('TypeError');
      expect(JSON.stringify([span.attributes, span.events, span.status, span.name])).not.toContain('W123');
    });

    it('makes the span active inside withContext and nowhere else', async () => {
      const headers: Record<string, string> = {};
      const ctx = extractTraceContext(() => '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
      withContext(ctx, () => injectTraceContext((k, v) => (headers[k] = v)));
      expect(headers['traceparent']).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01');
      expect(trace.getSpan(context.active())).toBeUndefined();
    });
  });
});
