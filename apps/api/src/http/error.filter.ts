import { Catch, HttpException, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { describeError, toErrorResponse, type Logger } from '@skills/platform';
import type { AuthenticatedRequest } from './request-context';

/** The one place errors become HTTP: stable codes, readable messages, no stack traces, no personal data. */
@Catch()
export class ErrorFilter implements ExceptionFilter {
  constructor(private readonly logger: Logger) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<AuthenticatedRequest>();
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    if (error instanceof HttpException) {
      const status = error.getStatus();
      const code = status === 404 ? 'HTTP.NOT_FOUND' : status === 413 ? 'HTTP.PAYLOAD_TOO_LARGE' : status === 415 ? 'HTTP.UNSUPPORTED_MEDIA_TYPE' : `HTTP.${status}`;
      const message = status === 404 ? 'No such route: check the method and path in /api/docs' : httpMessage(error);
      void reply.status(status).send({ error: { code, message, correlationId: request.id } });
      return;
    }
    const { status, body } = toErrorResponse(error, request.id);
    if (status >= 500) this.logger.error('request failed', { correlationId: request.id, route: request.routeOptions?.url, ...describeError(error) });
    void reply.status(status).send(body);
  }
}

// Fixed texts: a framework's own message can quote the request body (node's JSON.parse error does).
const HTTP_MESSAGES: Record<number, string> = {
  400: 'The request body could not be read: send valid JSON (or the file type the route names)',
  401: 'Log in first',
  403: 'You may not do this',
  405: 'This method is not allowed here',
  413: 'The upload is too large: the api reads at most 20 MiB in one request (an evidence file at most 10 MiB unless configured otherwise)',
  415: 'Unsupported content type: see /api/docs for what this route accepts',
};

function httpMessage(error: HttpException): string {
  return HTTP_MESSAGES[error.getStatus()] ?? 'The request could not be handled';
}
