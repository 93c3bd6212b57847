import type { NextFunction, Request, RequestHandler, Response } from 'express';
import express from 'express';
import { jsonShapeProblem } from '@claimline/contracts/common';
import { problem, sendProblem } from './problem';

/**
 * JSON body parsing whose failures are problems too: a malformed body is 400, an oversized one
 * 413, another content type on a body-carrying method 415 — before any handler runs. Upload
 * routes listed in `rawBodyPaths` stream their body themselves (raw or multipart), with their own
 * size limit: nothing here (nor Nest, created with `bodyParser: false`) reads their body.
 * A parsed body nested too deep or too wide is 400 too, before any validation recurses into it
 * (ADR 0013).
 */
export function jsonBody(limit: string, rawBodyPaths: RegExp[] = []): RequestHandler {
  const parse = express.json({ limit, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    // Routes that stream their own body (document uploads) get it untouched.
    if (req.method === 'POST' && rawBodyPaths.some((p) => p.test(req.path))) return next();
    const hasBody =
      Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    // Only the streamed upload routes above take anything but JSON (multipart forms included).
    if (hasBody && ['POST', 'PUT', 'PATCH'].includes(req.method) && !req.is('application/json')) {
      return sendProblem(
        res,
        problem(415, 'Send the body as application/json', {
          instance: req.originalUrl,
          requestId: req.id as string | undefined,
        }),
      );
    }
    parse(req, res, (err?: { type?: string; message?: string }) => {
      if (!err) {
        const shape = jsonShapeProblem(req.body);
        if (!shape) return next();
        return sendProblem(
          res,
          problem(400, `The body is refused: ${shape.message}`, {
            instance: req.originalUrl,
            requestId: req.id as string | undefined,
            errors: [shape],
          }),
        );
      }
      if (err.type === 'entity.too.large') {
        return sendProblem(
          res,
          problem(413, `The body is larger than the limit of ${limit}`, {
            instance: req.originalUrl,
            requestId: req.id as string | undefined,
          }),
        );
      }
      return sendProblem(
        res,
        problem(400, `The body is not valid JSON: ${err.message ?? 'parse error'}`, {
          instance: req.originalUrl,
          requestId: req.id as string | undefined,
        }),
      );
    });
  };
}
