import type { Experiment } from './types'

/** A worksheet's content, shared by the Markdown export and the printable page. */
export interface Worksheet {
  title: string
  questions: { heading: string; lines: string[] }[]
  answers: { heading: string; lines: string[] }[]
}

export function worksheetOf(experiment: Experiment): Worksheet {
  const title = `Experiment ${experiment.number}: ${experiment.title}`
  const sources = experiment.sources.map((s) => `${s.label}: ${s.url}`)
  if (experiment.status === 'coming') {
    return {
      title,
      questions: [{ heading: 'Question', lines: [experiment.question, `This experiment comes with ${experiment.needs}.`] }],
      answers: [{ heading: 'Sources', lines: sources }]
    }
  }
  const expected = experiment.prediction.choices.find((c) => c.id === experiment.expected)
  return {
    title,
    questions: [
      { heading: 'Goal', lines: [experiment.goal] },
      { heading: 'Predict (before you run anything)', lines: [experiment.prediction.question, ...experiment.prediction.choices.map((c) => `[ ] ${c.label}`)] },
      { heading: 'Run it in the lab', lines: experiment.steps.map((step, i) => `${i + 1}. ${step.text}`) },
      { heading: 'Observe', lines: ['What did the lab show?', '____________________________________________', 'Did it match your prediction? Why, or why not?', '____________________________________________'] }
    ],
    answers: [
      { heading: 'Expected result', lines: [`${expected?.label ?? experiment.expected} (with the lab's starting state)`] },
      { heading: 'Why', lines: [...experiment.explanation, ...(experiment.later ? [experiment.later] : [])] },
      { heading: 'Sources', lines: sources }
    ]
  }
}

const isListLine = (line: string) => /^(\d+\. |\[ \] )/.test(line)

const section = (s: { heading: string; lines: string[] }) =>
  `## ${s.heading}\n\n${s.lines.map((line, i) => `${i > 0 ? (isListLine(line) ? '\n' : '\n\n') : ''}${line.startsWith('[ ] ') ? `- ${line}` : line}`).join('')}\n`

/** The worksheet as Markdown: the questions, then (after a page break when printed) the answers. */
export function worksheetMarkdown(experiment: Experiment): string {
  const sheet = worksheetOf(experiment)
  return [
    `# ${sheet.title}\n`,
    `*${experiment.question}* (about ${experiment.minutes} minutes)\n`,
    ...sheet.questions.map(section),
    '<div style="break-before: page"></div>\n',
    `# Answers: ${sheet.title}\n`,
    ...sheet.answers.map(section)
  ].join('\n')
}

export const worksheetFileName = (experiment: Experiment): string => `worksheet-${experiment.number}-${experiment.id}.md`
