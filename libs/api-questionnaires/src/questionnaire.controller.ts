import { Controller, Get, Param, Post, Query, Req, Res } from '@nestjs/common';
import { IncomingMessage, ServerResponse } from 'node:http';
import { Public } from '@vfr/api-core';
import { QuestionnaireLanguage } from '@vfr/domain';
import * as QRCode from 'qrcode';
import { busyPage, formPage, invalidPage, letterPage, pickLanguage, QUESTIONNAIRE_CSP, thanksPage, unreadablePage } from './questionnaire.pages';
import { QuestionnaireThrottleStore } from './questionnaire-throttle.store';
import { QuestionnairesService } from './questionnaires.service';

/** The largest form body read: the whole form answered is under 1 KB. */
export const QUESTIONNAIRE_BODY_LIMIT = 8 * 1024;

type Request = IncomingMessage & { ip?: string; headers: IncomingMessage['headers'] };

/**
 * The questionnaire patients answer without an account, at /q/<token>: open to anyone (no token
 * of a user), so it guards itself. Every request counts against the per-address and the total
 * limits first; the link's token is the only key, and every link that cannot be used gets the
 * same page with the same status, whatever the reason. Pages carry their own strict CSP, are
 * never cached, and send no Referer onwards (the token is in the address).
 */
@Public()
@Controller('q')
export class QuestionnaireController {
  constructor(
    private readonly service: QuestionnairesService,
    private readonly throttle: QuestionnaireThrottleStore,
  ) {}

  @Get(':token')
  async show(@Param('token') token: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: ServerResponse): Promise<void> {
    const fallback = pickLanguage(lang, req.headers['accept-language'], 'en');
    if (!(await this.admitted(req, res, fallback))) return;
    const opened = await this.service.open(token);
    if (opened.kind === 'invalid') return send(res, 404, invalidPage(fallback));
    if (opened.kind === 'answered') return send(res, 200, thanksPage(pickLanguage(lang, req.headers['accept-language'], opened.language)));
    const language = pickLanguage(lang, req.headers['accept-language'], opened.invitation.language);
    send(res, 200, formPage(language, `/q/${token}`, opened.invitation.timePoint, this.service.wording[language], { values: {}, problems: [] }));
  }

  /** The printable letter of a link not yet used (for anything else: the page every unusable link gets). */
  @Get(':token/letter')
  async letter(@Param('token') token: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: ServerResponse): Promise<void> {
    const fallback = pickLanguage(lang, undefined, 'en');
    if (!(await this.admitted(req, res, fallback))) return;
    const opened = await this.service.open(token);
    if (opened.kind !== 'form') return send(res, 404, invalidPage(fallback));
    const i = opened.invitation;
    const language = pickLanguage(lang, undefined, i.language);
    const url = `${this.service.settings.publicUrl ?? originOf(req)}/q/${token}`;
    const qr = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
    send(res, 200, letterPage(language, `/q/${token}/letter`, url, qr, i.timePoint, i.expiresAt));
  }

  @Post(':token')
  async answer(@Param('token') token: string, @Query('lang') lang: unknown, @Req() req: Request, @Res() res: ServerResponse): Promise<void> {
    const language = pickLanguage(lang, req.headers['accept-language'], 'en');
    if (!(await this.admitted(req, res, language))) return;
    const form = await readForm(req);
    if (!form) return send(res, 413, unreadablePage(language), { connection: 'close' });
    const result = await this.service.submit(token, form);
    if (result.kind === 'invalid') return send(res, 404, invalidPage(language));
    if (result.kind === 'answered' || result.kind === 'saved') return send(res, 200, thanksPage(language));
    const problems = [...new Set(result.issues.map((i) => i.field))];
    const values = Object.fromEntries(Object.entries(form).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    send(res, 400, formPage(language, `/q/${token}`, result.invitation.timePoint, this.service.wording[language], { values, problems }));
  }

  private async admitted(req: Request, res: ServerResponse, language: QuestionnaireLanguage): Promise<boolean> {
    const gate = await this.throttle.hit(req.ip ?? req.socket.remoteAddress ?? 'unknown', {
      perAddress: this.service.settings.limitPerAddress,
      total: this.service.settings.limitTotal,
    });
    if (gate.allowed) return true;
    send(res, 429, busyPage(language), { 'retry-after': String(gate.retryAfterSeconds) });
    return false;
  }
}

/** The address this request reached the registry at (for the letter's link when PUBLIC_URL is unset). */
function originOf(req: Request): string {
  const host = req.headers.host;
  return `http://${typeof host === 'string' && /^[\w.:[\]-]+$/.test(host) ? host : 'localhost'}`;
}

function send(res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}): void {
  res.statusCode = status;
  res.setHeader('content-type', 'text/html; charset=utf-8');
  res.setHeader('content-security-policy', QUESTIONNAIRE_CSP);
  res.setHeader('referrer-policy', 'no-referrer');
  res.setHeader('x-robots-tag', 'noindex, nofollow');
  res.setHeader('cache-control', 'no-store');
  for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
  res.end(html);
}

/**
 * The form's urlencoded body, at most QUESTIONNAIRE_BODY_LIMIT bytes (refused from its
 * Content-Length, or as soon as more arrives), as names to values (a name sent twice: a list, which
 * the form's reading refuses). Null for a body too large, of another type, or not UTF-8.
 */
async function readForm(req: Request): Promise<Record<string, string | string[]> | null> {
  const type = String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return null;
  if (Number(req.headers['content-length'] ?? 0) > QUESTIONNAIRE_BODY_LIMIT) return null;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > QUESTIONNAIRE_BODY_LIMIT) return null;
    chunks.push(chunk);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    return null;
  }
  const form: Record<string, string | string[]> = {};
  for (const [name, value] of new URLSearchParams(text)) {
    const had = form[name];
    form[name] = had === undefined ? value : [...(Array.isArray(had) ? had : [had]), value];
  }
  return form;
}
