import type { FastifyReply, FastifyRequest } from 'fastify';
import { Problem, problems } from './problems.ts';
import { csrfExpired, sameToken } from './server.ts';

/** One uploaded file, read whole (it was capped while streaming). */
export interface UploadedFile {
  field: string;
  /** As the browser named it: never trusted for the type. */
  filename: string;
  /** As the browser declared it: never trusted either. */
  declaredType: string;
  bytes: Buffer;
}

export interface MultipartBody {
  fields: Record<string, string>;
  file: UploadedFile | null;
}

export function tooLarge(maxBytes: number): Problem {
  const mb = Math.round((maxBytes / (1024 * 1024)) * 10) / 10;
  return new Problem(
    413,
    'too-large',
    'The file is too large',
    `Files up to ${mb} MB are accepted. Choose a smaller one, or export it at a lower resolution.`,
  );
}

/**
 * An upload larger than the cap is answered before any of it is read: by its declared
 * length here (an `onRequest` hook of an upload route), and for chunked uploads without
 * one by the streaming cap in readMultipart. The slack is for the form's other fields
 * and the multipart framing.
 */
export function refuseLargeUploads(maxBytes: number) {
  return async (request: FastifyRequest, reply: FastifyReply) =>
    refuseDeclaredTooLarge(request, reply, maxBytes);
}

/**
 * Throws the 413 for an upload that says it is over the cap, before any of it is read. A
 * page calls it in its handler, once the viewer is known, to answer with its own form.
 */
export function refuseDeclaredTooLarge(request: FastifyRequest, reply: FastifyReply, maxBytes: number): void {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > maxBytes + 64 * 1024) {
    // Once answered, the rest of the body is not worth reading: close instead of draining it.
    reply.header('connection', 'close');
    throw tooLarge(maxBytes);
  }
}

function isTooLarge(error: unknown): boolean {
  const code = (error as { code?: string }).code;
  return code === 'FST_REQ_FILE_TOO_LARGE';
}

/**
 * Reads a multipart/form-data body of a route that declares `multipart: true`: its text
 * fields and at most one file, which is cut off at `maxFileBytes` while it streams (a 413),
 * so a chunked upload without a length cannot fill memory either. When the token did not
 * come in a header, the form's `_csrf` must come before the file, so a forged upload is
 * refused before its file is read.
 */
export async function readMultipart(
  request: FastifyRequest,
  options: { maxFileBytes: number },
): Promise<MultipartBody> {
  if (!request.isMultipart()) {
    throw new Problem(
      415,
      'unsupported-media-type',
      'Send a form with a file',
      'Upload the file as multipart/form-data.',
    );
  }
  const fields: Record<string, string> = {};
  let file: UploadedFile | null = null;
  let pending = request.csrfPending;
  try {
    for await (const part of request.parts({ limits: { fileSize: options.maxFileBytes } })) {
      if (part.type === 'field') {
        const value = typeof part.value === 'string' ? part.value : '';
        if (part.fieldname === '_csrf' && pending) {
          if (!sameToken(value, request.csrfToken)) throw csrfExpired();
          pending = false;
        } else if (part.fieldname !== '_csrf') {
          fields[part.fieldname] = value;
        }
        continue;
      }
      if (pending) throw csrfExpired();
      if (file !== null)
        throw problems.invalid([{ field: part.fieldname, message: 'Send one file at a time.' }]);
      const bytes = await part.toBuffer();
      file = { field: part.fieldname, filename: part.filename, declaredType: part.mimetype, bytes };
    }
  } catch (error) {
    if (isTooLarge(error)) throw tooLarge(options.maxFileBytes);
    throw error;
  }
  if (pending) throw csrfExpired();
  return { fields, file };
}
