import { createHash } from 'node:crypto';
import { QuestionnaireLanguage, QuestionnaireWording, QUESTIONNAIRE_LANGUAGES, TimePoint } from '@vfr/domain';

// The public questionnaire's pages: plain server-rendered HTML without a line of JavaScript, one
// small stylesheet inline (allowed by its hash, nothing else), for phones from 360 px. The pages
// name no patient, site or date of birth: only the questionnaire and the visit's time point.

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:18px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1a;background:#fff}
main{max-width:40rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.25rem;margin:2rem 0 .5rem;border-top:2px solid #d0d7de;padding-top:1rem}
nav{text-align:right}
nav a{display:inline-block;padding:.75rem;min-height:48px;color:#0b5394}
fieldset{border:1px solid #b0b7bf;border-radius:8px;margin:1rem 0;padding:.5rem .75rem}
legend{font-weight:600;padding:0 .25rem}
label.option{display:flex;align-items:center;gap:.75rem;min-height:48px;padding:.5rem;border-radius:6px;cursor:pointer}
label.option:hover{background:#eef3f8}
input[type=radio],input[type=checkbox]{width:28px;height:28px;flex:none;margin:0}
.scale{display:grid;grid-template-columns:repeat(auto-fill,minmax(56px,1fr));gap:.25rem}
.scale label.option{justify-content:center;flex-direction:column;gap:.25rem;border:1px solid #d0d7de;min-height:64px}
.ends{display:flex;justify-content:space-between;font-size:.9rem;color:#444}
input[type=number]{font-size:1.25rem;width:7rem;min-height:48px;padding:.25rem .5rem}
button{font-size:1.15rem;min-height:56px;width:100%;margin:1.5rem 0;border:0;border-radius:8px;background:#0b5394;color:#fff;font-weight:600}
.problems{border:3px solid #b00020;border-radius:8px;padding:.5rem 1rem;margin:1rem 0}
.problems a{color:#b00020}
.error{color:#b00020;font-weight:600}
.qr svg{width:60mm;height:60mm;display:block;margin:1rem 0}
.url{font-family:monospace;word-break:break-all;font-size:1rem}
@media print{nav{display:none}body{font-size:13pt}}
.note{background:#fff4d6;border-radius:6px;padding:.5rem .75rem}
`.trim();

/** The Content-Security-Policy of every public questionnaire page: its own stylesheet and its own form, nothing else. */
export const QUESTIONNAIRE_CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "img-src 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "base-uri 'none'",
].join('; ');

interface Texts {
  title: string;
  langName: string;
  switchTo: string;
  when: Record<string, string>;
  intro: string;
  who: string;
  patient: string;
  proxy: string;
  painTitle: string;
  nrsRest: string;
  nrsActivity: string;
  noPain: string;
  worstPain: string;
  odiTitle: string;
  odiIntro: string;
  rmdqTitle: string;
  rmdqIntro: string;
  eq5dTitle: string;
  eq5dIntro: string;
  vasHint: string;
  placeholder: string;
  submit: string;
  problems: string;
  problem: string;
  thanksTitle: string;
  thanks: string;
  invalidTitle: string;
  invalid: string;
  busyTitle: string;
  busy: string;
  tooLargeTitle: string;
  tooLarge: string;
  required: string;
  letterIntro: string;
  letterScan: string;
  letterUntil: string;
}

const TEXTS: Record<QuestionnaireLanguage, Texts> = {
  en: {
    title: 'Your follow-up questionnaire',
    langName: 'English',
    switchTo: 'Auf Deutsch',
    when: {
      BASELINE: 'before your treatment',
      D1: 'one day after your treatment',
      W1: 'one week after your treatment',
      M1: 'one month after your treatment',
      M3: 'three months after your treatment',
      M6: 'six months after your treatment',
      M12: 'one year after your treatment',
      M24: 'two years after your treatment',
    },
    intro: 'Please answer these questions about your back {when}. It takes about 10 minutes. Your answers go to your care team, who will look at them.',
    who: 'Who is answering?',
    patient: 'I am the patient',
    proxy: 'I am answering on behalf of the patient',
    painTitle: 'Pain',
    nrsRest: 'How strong was your back pain at rest over the last 24 hours?',
    nrsActivity: 'How strong was your back pain when moving over the last 24 hours?',
    noPain: '0 = no pain',
    worstPain: '10 = worst pain imaginable',
    odiTitle: 'Daily activities (Oswestry Disability Index)',
    odiIntro: 'In each section, choose the one statement that describes you best today. You may leave a section blank.',
    rmdqTitle: 'Your back today (Roland-Morris)',
    rmdqIntro: 'Tick each statement that describes you today. Leave the others unticked.',
    eq5dTitle: 'Your health today (EQ-5D-5L)',
    eq5dIntro: 'Under each heading, choose the one answer that describes your health today.',
    vasHint: 'A whole number from 0 to 100.',
    placeholder: 'This registry shows placeholder wording for the licensed statements below. They are for demonstration only.',
    submit: 'Send my answers',
    problems: 'Please check these answers',
    problem: 'Please give an answer here.',
    thanksTitle: 'Thank you',
    thanks: 'Your answers have been received. Your care team will look at them. You can close this page.',
    invalidTitle: 'This link is not valid',
    invalid: 'This link cannot be used. If you were asked to fill in a questionnaire, please contact your care team for a new link.',
    busyTitle: 'Please try again later',
    busy: 'Too many requests have been made. Please try again in a few minutes.',
    tooLargeTitle: 'The answers could not be read',
    tooLarge: 'The answers sent were not those of this form. Please open the link again.',
    required: 'required',
    letterIntro: 'Your care team asks you to answer a short questionnaire about your back {when}. It takes about 10 minutes.',
    letterScan: "Scan the code with your phone's camera, or type this address into a web browser:",
    letterUntil: 'The link works once, until {date}. Please keep this letter to yourself.',
  },
  de: {
    title: 'Ihr Nachsorge-Fragebogen',
    langName: 'Deutsch',
    switchTo: 'In English',
    when: {
      BASELINE: 'vor Ihrer Behandlung',
      D1: 'einen Tag nach Ihrer Behandlung',
      W1: 'eine Woche nach Ihrer Behandlung',
      M1: 'einen Monat nach Ihrer Behandlung',
      M3: 'drei Monate nach Ihrer Behandlung',
      M6: 'sechs Monate nach Ihrer Behandlung',
      M12: 'ein Jahr nach Ihrer Behandlung',
      M24: 'zwei Jahre nach Ihrer Behandlung',
    },
    intro:
      'Bitte beantworten Sie diese Fragen zu Ihrem Rücken {when}. Das dauert etwa 10 Minuten. Ihre Antworten gehen an Ihr Behandlungsteam, das sie ansieht.',
    who: 'Wer beantwortet den Fragebogen?',
    patient: 'Ich bin die Patientin oder der Patient',
    proxy: 'Ich antworte stellvertretend für die Patientin oder den Patienten',
    painTitle: 'Schmerzen',
    nrsRest: 'Wie stark waren Ihre Rückenschmerzen in Ruhe in den letzten 24 Stunden?',
    nrsActivity: 'Wie stark waren Ihre Rückenschmerzen bei Bewegung in den letzten 24 Stunden?',
    noPain: '0 = keine Schmerzen',
    worstPain: '10 = stärkste vorstellbare Schmerzen',
    odiTitle: 'Alltägliche Tätigkeiten (Oswestry Disability Index)',
    odiIntro: 'Wählen Sie in jedem Abschnitt die eine Aussage, die heute am besten auf Sie zutrifft. Sie dürfen einen Abschnitt leer lassen.',
    rmdqTitle: 'Ihr Rücken heute (Roland-Morris)',
    rmdqIntro: 'Kreuzen Sie jede Aussage an, die heute auf Sie zutrifft. Lassen Sie die anderen leer.',
    eq5dTitle: 'Ihre Gesundheit heute (EQ-5D-5L)',
    eq5dIntro: 'Wählen Sie unter jeder Überschrift die eine Antwort, die Ihre Gesundheit heute am besten beschreibt.',
    vasHint: 'Eine ganze Zahl von 0 bis 100.',
    placeholder: 'Dieses Register zeigt Platzhalter anstelle der lizenzierten Aussagen unten. Sie dienen nur der Vorführung.',
    submit: 'Antworten absenden',
    problems: 'Bitte prüfen Sie diese Antworten',
    problem: 'Bitte geben Sie hier eine Antwort.',
    thanksTitle: 'Vielen Dank',
    thanks: 'Ihre Antworten sind angekommen. Ihr Behandlungsteam wird sie ansehen. Sie können diese Seite schließen.',
    invalidTitle: 'Dieser Link ist nicht gültig',
    invalid:
      'Dieser Link kann nicht verwendet werden. Wenn Sie einen Fragebogen ausfüllen sollten, wenden Sie sich bitte an Ihr Behandlungsteam für einen neuen Link.',
    busyTitle: 'Bitte versuchen Sie es später erneut',
    busy: 'Es wurden zu viele Anfragen gestellt. Bitte versuchen Sie es in einigen Minuten erneut.',
    tooLargeTitle: 'Die Antworten konnten nicht gelesen werden',
    tooLarge: 'Die gesendeten Antworten gehören nicht zu diesem Formular. Bitte öffnen Sie den Link erneut.',
    required: 'Pflichtangabe',
    letterIntro: 'Ihr Behandlungsteam bittet Sie, einen kurzen Fragebogen zu Ihrem Rücken {when} zu beantworten. Das dauert etwa 10 Minuten.',
    letterScan: 'Scannen Sie den Code mit der Kamera Ihres Telefons, oder geben Sie diese Adresse in einen Webbrowser ein:',
    letterUntil: 'Der Link funktioniert einmal, bis zum {date}. Bitte geben Sie diesen Brief nicht weiter.',
  },
};

/** The language a page is shown in: the one asked for in the link (?lang=), else the browser's first known, else the fallback. */
export function pickLanguage(query: unknown, acceptLanguage: string | undefined, fallback: string): QuestionnaireLanguage {
  const known = (v: unknown): QuestionnaireLanguage | null =>
    (QUESTIONNAIRE_LANGUAGES as readonly unknown[]).includes(v) ? (v as QuestionnaireLanguage) : null;
  const asked = known(query);
  if (asked) return asked;
  const browser = (acceptLanguage ?? '')
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().toLowerCase().split(';');
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { lang: known(tag.split('-')[0]), q: q === undefined ? 1 : Number(q) };
    })
    .filter((x) => x.lang && x.q > 0)
    .sort((a, b) => b.q - a.q)[0]?.lang;
  return browser ?? known(fallback) ?? 'en';
}

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function page(lang: QuestionnaireLanguage, title: string, body: string, switchHref?: string): string {
  const other = QUESTIONNAIRE_LANGUAGES.find((l) => l !== lang)!;
  const nav = switchHref ? `<nav><a href="${esc(switchHref)}?lang=${other}" lang="${other}" hreflang="${other}">${esc(TEXTS[lang].switchTo)}</a></nav>` : '';
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="referrer" content="no-referrer">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
${nav}
${body}
</main>
</body>
</html>
`;
}

/** The one page for every link that cannot be used (unknown, expired, revoked, replaced): it says nothing of why. */
export function invalidPage(lang: QuestionnaireLanguage): string {
  const t = TEXTS[lang];
  return page(lang, t.invalidTitle, `<h1>${esc(t.invalidTitle)}</h1>\n<p>${esc(t.invalid)}</p>`);
}

/**
 * The letter the coordinator prints and sends: the link as a QR code (an SVG drawn on the server,
 * inline, so that the page still loads nothing) and as an address, and its last day. It shows
 * nothing the link's holder does not already have, so it is open to the link's holder.
 */
export function letterPage(lang: QuestionnaireLanguage, path: string, url: string, qrSvg: string, timePoint: TimePoint, expiresAt: Date): string {
  const t = TEXTS[lang];
  const body = `<h1>${esc(t.title)}</h1>
<p>${esc(t.letterIntro.replace('{when}', t.when[timePoint] ?? ''))}</p>
<p>${esc(t.letterScan)}</p>
<div class="qr" role="img" aria-label="QR code">${qrSvg.replace(/^<\?xml[^>]*>/, '')}</div>
<p class="url">${esc(url)}</p>
<p>${esc(t.letterUntil.replace('{date}', expiresAt.toISOString().slice(0, 10)))}</p>`;
  return page(lang, t.title, body, path);
}

export function thanksPage(lang: QuestionnaireLanguage): string {
  const t = TEXTS[lang];
  return page(lang, t.thanksTitle, `<h1>${esc(t.thanksTitle)}</h1>\n<p>${esc(t.thanks)}</p>`);
}

export function busyPage(lang: QuestionnaireLanguage): string {
  const t = TEXTS[lang];
  return page(lang, t.busyTitle, `<h1>${esc(t.busyTitle)}</h1>\n<p>${esc(t.busy)}</p>`);
}

export function unreadablePage(lang: QuestionnaireLanguage): string {
  const t = TEXTS[lang];
  return page(lang, t.tooLargeTitle, `<h1>${esc(t.tooLargeTitle)}</h1>\n<p>${esc(t.tooLarge)}</p>`);
}

export interface FormState {
  /** The values sent (shown again when something is to be checked). */
  values: Record<string, string | string[]>;
  /** The controls with a problem. */
  problems: string[];
}

/**
 * The questionnaire: who answers, the two pain scores (NRS, wording of our own), then the ODI,
 * the RMDQ and the EQ-5D-5L with the wording given. `action` is the page's own path (the token's);
 * the form posts back to it.
 */
export function formPage(lang: QuestionnaireLanguage, action: string, timePoint: TimePoint, wording: QuestionnaireWording, state: FormState): string {
  const t = TEXTS[lang];
  const value = (name: string) => {
    const v = state.values[name];
    return typeof v === 'string' ? v : '';
  };
  const bad = (name: string) => state.problems.includes(name);
  const errorLine = (name: string) => (bad(name) ? `<p class="error" id="${name}-error">${esc(t.problem)}</p>` : '');
  const described = (name: string) => (bad(name) ? ` aria-describedby="${name}-error"` : '');
  const radios = (
    name: string,
    legend: string,
    options: { value: string; label: string }[],
    opts: { required?: boolean; scale?: boolean; ends?: [string, string] } = {},
  ) =>
    `<fieldset id="${name}"${described(name)}>
<legend>${esc(legend)}${opts.required ? ` <span class="note-required">(${esc(t.required)})</span>` : ''}</legend>
${errorLine(name)}${opts.ends ? `<div class="ends" aria-hidden="true"><span>${esc(opts.ends[0])}</span><span>${esc(opts.ends[1])}</span></div>` : ''}
<div${opts.scale ? ' class="scale"' : ''}>
${options
  .map(
    (o) =>
      `<label class="option"><input type="radio" name="${name}" value="${esc(o.value)}"${value(name) === o.value ? ' checked' : ''}${opts.required ? ' required' : ''}> <span>${esc(o.label)}</span></label>`,
  )
  .join('\n')}
</div>
</fieldset>`;
  const nrs = (name: string, question: string) =>
    radios(
      name,
      `${question} (${t.noPain}, ${t.worstPain})`,
      Array.from({ length: 11 }, (_, i) => ({ value: String(i), label: String(i) })),
      { required: true, scale: true, ends: [t.noPain, t.worstPain] },
    );
  const problemList = state.problems.length
    ? `<div class="problems" role="alert"><h2>${esc(t.problems)}</h2><ul>${state.problems
        .map((p) => `<li><a href="#${esc(p)}">${esc(labelOf(p, t, wording))}</a></li>`)
        .join('')}</ul></div>`
    : '';
  const placeholderNote = wording.placeholder ? `<p class="note">${esc(t.placeholder)}</p>` : '';
  const body = `<h1>${esc(t.title)}</h1>
<p>${esc(t.intro.replace('{when}', t.when[timePoint] ?? ''))}</p>
${problemList}
<form method="post" action="${esc(action)}?lang=${lang}" accept-charset="utf-8">
${radios(
  'respondent',
  t.who,
  [
    { value: 'PATIENT', label: t.patient },
    { value: 'PROXY', label: t.proxy },
  ],
  { required: true },
)}
<h2>${esc(t.painTitle)}</h2>
${nrs('nrsRest', t.nrsRest)}
${nrs('nrsActivity', t.nrsActivity)}
<h2>${esc(t.odiTitle)}</h2>
<p>${esc(t.odiIntro)}</p>
${placeholderNote}
${wording.odi
  .map((s, i) =>
    radios(
      `odi${i + 1}`,
      s.title,
      s.options.map((label, o) => ({ value: String(o), label })),
    ),
  )
  .join('\n')}
<h2>${esc(t.rmdqTitle)}</h2>
${placeholderNote}
<fieldset id="rmdq">
<legend>${esc(t.rmdqIntro)}</legend>
${wording.rmdq
  .map(
    (s, i) =>
      `<label class="option"><input type="checkbox" name="rmdq${i + 1}" value="yes"${value(`rmdq${i + 1}`) === 'yes' ? ' checked' : ''}> <span>${esc(s)}</span></label>`,
  )
  .join('\n')}
</fieldset>
<h2>${esc(t.eq5dTitle)}</h2>
<p>${esc(t.eq5dIntro)}</p>
${placeholderNote}
${wording.eq5d
  .map((d, i) =>
    radios(
      `eq5d${i + 1}`,
      d.title,
      d.options.map((label, l) => ({ value: String(l + 1), label })),
    ),
  )
  .join('\n')}
<div id="eq5dVas">
<label for="eq5dVas-input"><strong>${esc(wording.eq5dVas)}</strong></label>
${errorLine('eq5dVas')}
<p id="eq5dVas-hint">${esc(t.vasHint)}</p>
<input id="eq5dVas-input" name="eq5dVas" type="number" inputmode="numeric" min="0" max="100" step="1" value="${esc(value('eq5dVas'))}" aria-describedby="eq5dVas-hint${bad('eq5dVas') ? ' eq5dVas-error' : ''}">
</div>
<button type="submit">${esc(t.submit)}</button>
</form>`;
  return page(lang, t.title, body, action);
}

/** A control's question in words, for the list of answers to check. */
function labelOf(name: string, t: Texts, wording: QuestionnaireWording): string {
  if (name === 'respondent') return t.who;
  if (name === 'nrsRest') return t.nrsRest;
  if (name === 'nrsActivity') return t.nrsActivity;
  if (name === 'eq5dVas') return wording.eq5dVas;
  const odi = /^odi(\d+)$/.exec(name);
  if (odi) return wording.odi[Number(odi[1]) - 1]?.title ?? t.odiTitle;
  const eq = /^eq5d(\d+)$/.exec(name);
  if (eq) return wording.eq5d[Number(eq[1]) - 1]?.title ?? t.eq5dTitle;
  if (name.startsWith('rmdq')) return t.rmdqTitle;
  return t.title;
}
