import * as fs from 'node:fs';
import { checkQuestionnaireWording, placeholderWording, QuestionnaireWordingFile } from '@vfr/domain';
import { StartupError } from '@vfr/api-database';

/**
 * The licensed wording of the ODI, the RMDQ and the EQ-5D-5L, from the file the registry provides
 * (QUESTIONNAIRE_WORDING_FILE), checked against the instruments' structure; without one, marked
 * placeholders. The statements are copyrighted (the ODI by its authors and Mapi Research Trust,
 * the RMDQ by its authors, the EQ-5D-5L by the EuroQol Group) and licensed per registry, so the
 * code ships only their structure and scoring (docs/questionnaires.md).
 */
export function loadQuestionnaireWording(file: string | null): QuestionnaireWordingFile {
  if (!file) return placeholderWording();
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new StartupError(
      `QUESTIONNAIRE_WORDING_FILE names a file that cannot be read as JSON (${(e as Error).message.slice(0, 120)}): correct it, or unset it.`,
    );
  }
  const problems = checkQuestionnaireWording(parsed);
  if (problems.length) throw new StartupError(`QUESTIONNAIRE_WORDING_FILE does not have the questionnaires' structure: ${problems.slice(0, 5).join('; ')}.`);
  return parsed as QuestionnaireWordingFile;
}
