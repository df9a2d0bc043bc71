import { Injectable } from '@nestjs/common';
import * as nodemailer from 'nodemailer';
import { questionnaireSettingsFromEnv, QuestionnaireSettings } from '@vfr/api-database';
import { QuestionnaireLanguage } from '@vfr/domain';

const TEXT: Record<QuestionnaireLanguage, { subject: string; reminder: string; body: (url: string, until: string) => string }> = {
  en: {
    subject: 'Your follow-up questionnaire',
    reminder: 'Reminder: your follow-up questionnaire',
    body: (url, until) =>
      `Hello,\n\nyour care team asks you to answer a short questionnaire about your back (about 10 minutes).\n\nOpen this link on your phone or computer:\n${url}\n\nThe link works once, until ${until}. Please do not forward it.\n\nYour care team`,
  },
  de: {
    subject: 'Ihr Nachsorge-Fragebogen',
    reminder: 'Erinnerung: Ihr Nachsorge-Fragebogen',
    body: (url, until) =>
      `Guten Tag,\n\nIhr Behandlungsteam bittet Sie, einen kurzen Fragebogen zu Ihrem Rücken zu beantworten (etwa 10 Minuten).\n\nÖffnen Sie diesen Link auf Ihrem Telefon oder Computer:\n${url}\n\nDer Link funktioniert einmal, bis zum ${until}. Bitte leiten Sie ihn nicht weiter.\n\nIhr Behandlungsteam`,
  },
};

/**
 * Sends questionnaire links by email when SMTP_URL is set (nodemailer); nothing otherwise. The
 * message holds the link and nothing of the patient: no name, site or visit. The address is used
 * for the send and not stored, so the registry keeps no new identifier of the patient.
 */
@Injectable()
export class QuestionnaireMailer {
  private readonly settings: QuestionnaireSettings = questionnaireSettingsFromEnv();
  private readonly transport = this.settings.smtp ? nodemailer.createTransport(this.settings.smtp.url) : null;

  get enabled(): boolean {
    return this.transport !== null;
  }

  async sendLink(to: string, url: string, language: QuestionnaireLanguage, expiresAt: Date, reminder = false): Promise<void> {
    if (!this.transport || !this.settings.smtp) return;
    const t = TEXT[language];
    await this.transport.sendMail({
      from: this.settings.smtp.from,
      to,
      subject: reminder ? t.reminder : t.subject,
      text: t.body(url, expiresAt.toISOString().slice(0, 10)),
    });
  }
}
