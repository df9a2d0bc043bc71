// The questionnaires as the visit form shows them. The statements are faithful short paraphrases
// of the published instruments (ODI version 2.1a, Fairbank & Pynsent 2000; EQ-5D-5L descriptive
// system, EuroQol; Roland-Morris Disability Questionnaire, Roland & Morris 1983), not their
// licensed wording: a patient fills in the official form, and the coordinator transcribes the
// answer whose meaning matches. The order of sections, levels and statements is the instruments'.
// The build writes them to questionnaires.json, which the visit form fetches (questionnaires.load.ts):
// text the form shows, kept out of the dashboard's JavaScript.

/** The ten ODI sections, each with its six statements scored 0-5. */
export const ODI_QUESTIONS: readonly { section: string; statements: readonly string[] }[] = [
  {
    section: 'Pain intensity',
    statements: [
      'No pain at the moment',
      'Very mild pain at the moment',
      'Moderate pain at the moment',
      'Fairly severe pain at the moment',
      'Very severe pain at the moment',
      'The worst pain imaginable at the moment',
    ],
  },
  {
    section: 'Personal care (washing, dressing)',
    statements: [
      'Looks after self normally without extra pain',
      'Looks after self normally but it is very painful',
      'Painful to look after self; slow and careful',
      'Needs some help but manages most personal care',
      'Needs help every day in most aspects of self-care',
      'Does not get dressed, washes with difficulty, stays in bed',
    ],
  },
  {
    section: 'Lifting',
    statements: [
      'Can lift heavy weights without extra pain',
      'Can lift heavy weights but it gives extra pain',
      'Cannot lift heavy weights off the floor, but can if conveniently placed (e.g. on a table)',
      'Cannot lift heavy weights, but can lift light to medium weights if conveniently placed',
      'Can lift only very light weights',
      'Cannot lift or carry anything',
    ],
  },
  {
    section: 'Walking',
    statements: [
      'Pain does not prevent walking any distance',
      'Pain prevents walking more than 1 mile (1.6 km)',
      'Pain prevents walking more than 1/4 mile (400 m)',
      'Pain prevents walking more than 100 yards (100 m)',
      'Can walk only with a stick or crutches',
      'In bed most of the time',
    ],
  },
  {
    section: 'Sitting',
    statements: [
      'Can sit in any chair as long as liked',
      'Can sit in a favourite chair only, as long as liked',
      'Pain prevents sitting more than 1 hour',
      'Pain prevents sitting more than 30 minutes',
      'Pain prevents sitting more than 10 minutes',
      'Pain prevents sitting at all',
    ],
  },
  {
    section: 'Standing',
    statements: [
      'Can stand as long as wanted without extra pain',
      'Can stand as long as wanted but it gives extra pain',
      'Pain prevents standing more than 1 hour',
      'Pain prevents standing more than 30 minutes',
      'Pain prevents standing more than 10 minutes',
      'Pain prevents standing at all',
    ],
  },
  {
    section: 'Sleeping',
    statements: [
      'Sleep is never disturbed by pain',
      'Sleep is occasionally disturbed by pain',
      'Less than 6 hours of sleep because of pain',
      'Less than 4 hours of sleep because of pain',
      'Less than 2 hours of sleep because of pain',
      'Pain prevents sleeping at all',
    ],
  },
  {
    section: 'Sex life (if applicable)',
    statements: [
      'Normal, causes no extra pain',
      'Normal, but causes some extra pain',
      'Nearly normal, but very painful',
      'Severely restricted by pain',
      'Nearly absent because of pain',
      'Pain prevents any sex life at all',
    ],
  },
  {
    section: 'Social life',
    statements: [
      'Normal, gives no extra pain',
      'Normal, but increases the degree of pain',
      'No significant effect apart from limiting more energetic interests (e.g. sport)',
      'Restricted: does not go out as often',
      'Restricted to home',
      'No social life because of pain',
    ],
  },
  {
    section: 'Travelling',
    statements: [
      'Can travel anywhere without pain',
      'Can travel anywhere but it gives extra pain',
      'Pain is bad but manages journeys over two hours',
      'Pain restricts journeys to less than one hour',
      'Pain restricts to short necessary journeys under 30 minutes',
      'Pain prevents travelling except to receive treatment',
    ],
  },
];

/** The five EQ-5D-5L dimensions, each with its five levels (1: no problems ... 5: unable / extreme). */
export const EQ5D_QUESTIONS: readonly { dimension: string; levels: readonly string[] }[] = [
  {
    dimension: 'Mobility',
    levels: [
      'No problems walking about',
      'Slight problems walking about',
      'Moderate problems walking about',
      'Severe problems walking about',
      'Unable to walk about',
    ],
  },
  {
    dimension: 'Self-care',
    levels: [
      'No problems washing or dressing',
      'Slight problems washing or dressing',
      'Moderate problems washing or dressing',
      'Severe problems washing or dressing',
      'Unable to wash or dress',
    ],
  },
  {
    dimension: 'Usual activities',
    levels: [
      'No problems doing usual activities',
      'Slight problems doing usual activities',
      'Moderate problems doing usual activities',
      'Severe problems doing usual activities',
      'Unable to do usual activities',
    ],
  },
  {
    dimension: 'Pain / discomfort',
    levels: ['No pain or discomfort', 'Slight pain or discomfort', 'Moderate pain or discomfort', 'Severe pain or discomfort', 'Extreme pain or discomfort'],
  },
  {
    dimension: 'Anxiety / depression',
    levels: [
      'Not anxious or depressed',
      'Slightly anxious or depressed',
      'Moderately anxious or depressed',
      'Severely anxious or depressed',
      'Extremely anxious or depressed',
    ],
  },
];

/** The 24 RMDQ statements ("because of my back ..."), ticked when the patient says they apply today. */
export const RMDQ_STATEMENTS: readonly string[] = [
  'Stays at home most of the time',
  'Changes position often to get the back comfortable',
  'Walks more slowly than usual',
  'Does none of the usual jobs around the house',
  'Uses a handrail to get upstairs',
  'Lies down to rest more often',
  'Holds on to something to get out of an easy chair',
  'Tries to get others to do things for them',
  'Gets dressed more slowly than usual',
  'Stands only for short periods',
  'Tries not to bend or kneel down',
  'Finds it difficult to get out of a chair',
  'The back is painful almost all the time',
  'Finds it difficult to turn over in bed',
  'Appetite is not very good',
  'Has trouble putting on socks or stockings',
  'Walks only short distances',
  'Sleeps less well',
  'Gets dressed with help from someone else',
  'Sits down for most of the day',
  'Avoids heavy jobs around the house',
  'More irritable and bad-tempered than usual',
  'Goes upstairs more slowly than usual',
  'Stays in bed most of the time',
];

export interface Questionnaires {
  odi: typeof ODI_QUESTIONS;
  eq5d: typeof EQ5D_QUESTIONS;
  rmdq: typeof RMDQ_STATEMENTS;
}

export const QUESTIONNAIRES: Questionnaires = { odi: ODI_QUESTIONS, eq5d: EQ5D_QUESTIONS, rmdq: RMDQ_STATEMENTS };
